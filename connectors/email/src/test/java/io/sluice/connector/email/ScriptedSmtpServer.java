package io.sluice.connector.email;

import io.sluice.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A tiny SMTP server on 127.0.0.1 speaking the real protocol (RFC 5321: greeting, EHLO, MAIL, RCPT,
 * DATA with the terminating dot, RSET, QUIT; PIPELINING) whose replies to {@code RCPT TO} the test scripts. It
 * stands in for a mail server that answers {@code 451} or {@code 550}, which GreenMail cannot be told
 * to do; everything else is answered as an accepting server would.
 */
final class ScriptedSmtpServer {

    private final Queue<String> rcptReplies = new ConcurrentLinkedQueue<>();
    private final Queue<String> accepted = new ConcurrentLinkedQueue<>();
    private final NetServer server;

    private ScriptedSmtpServer(NetServer server) {
        this.server = server;
    }

    static ScriptedSmtpServer start(Vertx vertx) {
        return start(vertx, 0);
    }

    /** Starts listening on the port; 0 picks a free one. */
    static ScriptedSmtpServer start(Vertx vertx, int port) {
        NetServer net = vertx.createNetServer();
        ScriptedSmtpServer smtp = new ScriptedSmtpServer(net);
        net.connectHandler(smtp::session);
        Await.result(net.listen(port, "127.0.0.1"));
        return smtp;
    }

    int port() {
        return server.actualPort();
    }

    /** Answers the next {@code RCPT TO} commands with these replies, in order; later ones get 250. */
    void answerRcpt(String... replies) {
        rcptReplies.addAll(List.of(replies));
    }

    /** The messages accepted after {@code DATA}, as sent (headers and body). */
    List<String> accepted() {
        return List.copyOf(accepted);
    }

    void close() {
        Await.result(server.close());
    }

    private void session(NetSocket socket) {
        StringBuilder data = new StringBuilder();
        boolean[] inData = {false};
        socket.write("220 scripted.test ESMTP\r\n");
        socket.handler(RecordParser.newDelimited("\r\n", buffer -> {
            String line = buffer.toString();
            if (inData[0]) {
                if (line.equals(".")) {
                    inData[0] = false;
                    accepted.add(data.toString());
                    data.setLength(0);
                    socket.write("250 2.0.0 queued\r\n");
                } else {
                    data.append(line).append('\n');
                }
                return;
            }
            String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO":
                    // Like Postfix, offer PIPELINING (RFC 2920): the client then sends MAIL, RCPT and
                    // DATA in one write, and replies come back in order, as they do here.
                    socket.write("250-scripted.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
                    break;
                case "HELO":
                case "MAIL":
                case "RSET":
                case "NOOP":
                    socket.write("250 2.0.0 OK\r\n");
                    break;
                case "RCPT":
                    String reply = rcptReplies.poll();
                    socket.write((reply == null ? "250 2.1.5 OK" : reply) + "\r\n");
                    break;
                case "DATA":
                    inData[0] = true;
                    socket.write("354 end data with <CR><LF>.<CR><LF>\r\n");
                    break;
                case "QUIT":
                    socket.write("221 2.0.0 bye\r\n").onComplete(v -> socket.close());
                    break;
                default:
                    socket.write("502 5.5.2 command not recognised\r\n");
            }
        }));
    }
}
