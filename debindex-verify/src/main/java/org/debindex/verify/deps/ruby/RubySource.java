package org.debindex.verify.deps.ruby;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.debindex.core.MalformedInputException;

/** Reading a bounded UTF-8 text file, shared by the Gemfile and lock readers. Static only. */
final class RubySource {

    private RubySource() {
    }

    /**
     * The file as text.
     *
     * @throws MalformedInputException if it is larger than {@code limit} or not UTF-8 (naming the line)
     */
    static String read(Path file, int limit) throws IOException, MalformedInputException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length > limit) {
            throw new MalformedInputException(file.toString(), -1, -1,
                    "file is larger than the limit of " + limit + " bytes");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MalformedInputException(file.toString(), line, in.position(), "invalid UTF-8; expected UTF-8 text");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
