package dev.nabla.datasets.locate;

import java.io.IOException;

/** A download that failed: HTTP error, broken connection or wrong checksum. Nothing was left in the cache. */
public class DownloadException extends IOException {
    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
