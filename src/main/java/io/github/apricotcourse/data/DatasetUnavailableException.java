package io.github.apricotcourse.data;

/**
 * A dataset that cannot be used: it is not on this machine and cannot be downloaded, or the
 * file that is there is corrupt or incomplete. The message says what was tried and where to put
 * the file by hand.
 */
public class DatasetUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetUnavailableException(String message) {
        super(message);
    }

    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
