package dev.nabla.datasets;

/**
 * A data set was found in none of the places searched and could not be downloaded. The message
 * lists every place searched and how to get the data.
 */
public class DatasetNotFoundException extends RuntimeException {
    public DatasetNotFoundException(String message) {
        super(message);
    }

    public DatasetNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
