package org.sectriage.crypto;

/** A file or byte array that was expected to hold OpenPGP keys but does not. */
public class InvalidKeyFileException extends Exception {

    private final String source;

    /** Creates the exception for the key file {@code source}, explained by {@code problem}. */
    public InvalidKeyFileException(String source, String problem) {
        super("key file " + source + " " + problem);
        this.source = source;
    }

    /** Where the keys were read from (a path, or a description). */
    public String source() {
        return source;
    }
}
