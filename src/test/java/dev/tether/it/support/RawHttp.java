package dev.tether.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Sends a GET whose Cookie header is exactly the given bytes, which no well-behaved HTTP client would send
 * (control characters, raw UTF-8), and reads the status and body back.
 */
public final class RawHttp {

    public record Response(int status, String body) {
    }

    private RawHttp() {
    }

    public static Response getWithCookieBytes(URL base, String path, byte[] cookieValue) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\nCookie: ").getBytes(StandardCharsets.US_ASCII));
            out.write(cookieValue);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyAt = response.indexOf("\r\n\r\n");
            return new Response(status, bodyAt < 0 ? "" : response.substring(bodyAt + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }
}
