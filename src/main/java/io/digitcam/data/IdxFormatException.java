package io.digitcam.data;

/** An IDX file that is not what it claims to be; the message is one line naming the file. */
public class IdxFormatException extends java.io.IOException {
    public IdxFormatException(String file, String problem) {
        super(file + ": " + problem);
    }
}
