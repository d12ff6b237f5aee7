package io.github.apricotcourse.embed;

import java.io.IOException;

/** A vector file that cannot be read; the message names the file and the line or entry. */
public class MalformedVectorFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedVectorFileException(String message) {
        super(message);
    }
}
