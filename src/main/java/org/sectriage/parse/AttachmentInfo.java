package org.sectriage.parse;

/** An attachment seen in a message: its file name (made safe for display), MIME type and decoded size. */
public record AttachmentInfo(String fileName, String mimeType, long size) {
}
