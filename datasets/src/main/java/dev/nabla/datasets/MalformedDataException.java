package dev.nabla.datasets;

import java.io.IOException;

/**
 * A data file that cannot be read as the format it claims to be: truncated, corrupted, a header
 * that disagrees with the file, or (for pickles) content that a safe reader refuses. The message
 * always starts with the file's name and says what was wrong.
 */
public class MalformedDataException extends IOException {
    private final String source;

    public MalformedDataException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public MalformedDataException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** The file (or other input) that was being read. */
    public String source() {
        return source;
    }
}
