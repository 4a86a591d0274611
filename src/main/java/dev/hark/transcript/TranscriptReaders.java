package dev.hark.transcript;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Reads a transcript in any supported format, telling the format from the content first (see
 * {@link TranscriptFormat#detect}). Pure and thread-safe.
 */
public final class TranscriptReaders {

    private TranscriptReaders() {
    }

    /**
     * The transcript in {@code content}.
     *
     * @param contentTypeOrFileName a hint for content that shows no format of its own; may be null
     * @throws TranscriptException with one plain sentence when nothing can be read
     */
    public static Transcript read(String content, String contentTypeOrFileName) throws TranscriptException {
        return readWithReport(content, contentTypeOrFileName).transcript();
    }

    /** As {@link #read}, with the format used and the cues that had to be skipped. */
    public static ReadResult readWithReport(String content, String contentTypeOrFileName) throws TranscriptException {
        if (content == null || content.replace("\uFEFF", "").isBlank()) {
            throw new TranscriptException("The transcript is empty");
        }
        TranscriptFormat format = TranscriptFormat.detect(content, contentTypeOrFileName);
        return switch (format) {
            case VTT -> new VttReader().read(content);
            case SRT -> new SrtReader().read(content);
            case JSON -> new JsonTranscriptReader().read(content);
            case HTML -> new HtmlTranscriptReader().read(content);
            case TEXT -> new TextTranscriptReader().read(content);
        };
    }

    /**
     * Bytes to text: a byte-order mark decides, then the charset named in the content type,
     * then UTF-8; bytes that are not valid UTF-8 are read as Windows-1252, which old transcript
     * files use.
     *
     * @param contentType the Content-Type header, or null
     */
    public static String decode(byte[] bytes, String contentType) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        Charset declared = charset(contentType);
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            return new String(bytes, declared);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
                try {
                    return Charset.forName(pair[1].strip().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
