package io.sluice.connector.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sluice.deadletter.DeadLetter;
import io.sluice.event.Event;
import io.sluice.pipeline.Outcome;
import io.sluice.pipeline.SourceContext;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ManualSourceFactory;
import io.sluice.testing.MemoryDeadLetterStoreFactory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The email sink against GreenMail (an in-process SMTP server) and, where a server must refuse, a
 * {@link ScriptedSmtpServer}; the dedupe record lives in the test NATS.
 */
class EmailSinkIT {

    private final String bucket = "email-it-" + UUID.randomUUID().toString().substring(0, 8);
    private Vertx vertx;
    private GreenMail greenMail;
    private ScriptedSmtpServer scripted;
    private Sluice sluice;

    @BeforeEach
    void startServers() {
        vertx = Vertx.vertx();
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        scripted = ScriptedSmtpServer.start(vertx);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (sluice != null) {
            Await.result(sluice.stop());
        }
        scripted.close();
        Await.result(vertx.close());
        greenMail.stop();
        TestSluice.deleteBucket(bucket);
    }

    private SourceContext start(String name, int port, String retry) {
        sluice = TestSluice.start(
                vertx,
                name,
                "sources: [{name: " + name + "-in, type: manual}]\n"
                        + "sinks:\n"
                        + "  - name: " + name + "-mail\n"
                        + "    type: email\n"
                        + "    host: 127.0.0.1\n"
                        + "    port: " + port + "\n"
                        + "    starttls: disabled\n"
                        + "    from: shop@example.com\n"
                        + "    to-field: customer.email\n"
                        + "    subject: 'Order {{data.order}} shipped'\n"
                        + "    text: 'Hello {{data.customer.name}}, order {{data.order}} ({{type}}) is on its way.'\n"
                        + "    html: '<p>Hello {{data.customer.name}}</p>'\n"
                        + "    dedupe: {bucket: " + bucket + "}\n"
                        + "    retry: " + retry + "\n"
                        + "routes: [{name: " + name + "-route, from: " + name + "-in, to: " + name + "-mail}]\n");
        return ManualSourceFactory.context(name + "-in");
    }

    private static Event order(String id) {
        return Event.builder()
                .id(id)
                .source("/shop/orders")
                .type("shop.order.shipped")
                .data(new JsonObject()
                        .put("order", "A-17")
                        .put(
                                "customer",
                                new JsonObject().put("name", "Ada & Bob <x>").put("email", "ada@example.com")))
                .build();
    }

    @Test
    void templatedMessageArrivesOnceWithTheDerivedMessageId() throws Exception {
        SourceContext source = start("tmpl", greenMail.getSmtp().getPort(), "{max-attempts: 3, initial-wait: 50ms}");
        Event event = order("order-1");

        Outcome outcome = Await.result(source.dispatch(event));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getHeader("Message-ID")).containsExactly(MessageIds.messageId(MessageIds.key(event)));
        assertThat(mail.getSubject()).isEqualTo("Order A-17 shipped");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.com");
        assertThat(part(mail, "text/plain"))
                .isEqualTo("Hello Ada & Bob <x>, order A-17 (shop.order.shipped) is on its way.");
        assertThat(part(mail, "text/html")).isEqualTo("<p>Hello Ada &amp; Bob &lt;x&gt;</p>");
    }

    @Test
    void redeliveredEventIsNotMailedAgain() {
        SourceContext source = start("redeliver", greenMail.getSmtp().getPort(), "{max-attempts: 3}");
        Event event = order("order-2");
        assertThat(Await.result(source.dispatch(event))).isEqualTo(Outcome.DELIVERED);

        // The same event again, as JetStream redelivers it when the first ack was lost with the
        // connection: the dedupe record says sent, so the sink answers delivered without sending.
        Outcome again = Await.result(source.dispatch(event));

        assertThat(again).isEqualTo(Outcome.DELIVERED);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void permanentRejectionIsDeadLetteredWithTheServerReply() {
        scripted.answerRcpt("550 5.1.1 <ada@example.com>: mailbox unavailable");
        SourceContext source = start("reject", scripted.port(), "{max-attempts: 5, initial-wait: 50ms}");

        Outcome outcome = Await.result(source.dispatch(order("order-3")));

        assertThat(outcome).isEqualTo(Outcome.DEAD_LETTERED);
        assertThat(scripted.accepted()).isEmpty();
        List<DeadLetter> letters = MemoryDeadLetterStoreFactory.store("reject").letters();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.cause())
                    .contains("SMTP server '127.0.0.1:" + scripted.port() + "'")
                    .contains("550 5.1.1 <ada@example.com>: mailbox unavailable");
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.sink()).isEqualTo("reject-mail");
        });
    }

    @Test
    void transientRejectionIsRetriedUntilTheServerAccepts() {
        scripted.answerRcpt("451 4.7.1 greylisted, try again later");
        SourceContext source = start("greylist", scripted.port(), "{max-attempts: 5, initial-wait: 50ms}");

        Outcome outcome = Await.result(source.dispatch(order("order-4")));

        assertThat(outcome).isEqualTo(Outcome.DELIVERED);
        assertThat(scripted.accepted()).singleElement().asString().contains("Subject: Order A-17 shipped");
    }

    @Test
    void deadLetteredEventCarriesEnoughToBeResentOnceTheCauseIsFixed() {
        scripted.answerRcpt("550 5.7.1 relaying denied");
        SourceContext source = start("replay", scripted.port(), "{max-attempts: 2, initial-wait: 50ms}");
        Event event = order("order-5");
        assertThat(Await.result(source.dispatch(event))).isEqualTo(Outcome.DEAD_LETTERED);
        DeadLetter letter =
                MemoryDeadLetterStoreFactory.store("replay").letters().get(0);

        // The cause is fixed (the server accepts again): replaying the letter's event, as `sluice
        // dlq replay` will, sends it, because a refused send released its dedupe claim.
        Outcome replayed = Await.result(source.dispatch(letter.event()));

        assertThat(letter.event()).isEqualTo(event);
        assertThat(replayed).isEqualTo(Outcome.DELIVERED);
        assertThat(scripted.accepted())
                .singleElement()
                .asString()
                .contains("Message-ID: " + MessageIds.messageId(MessageIds.key(event)));
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        Multipart multipart = (Multipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return part.getContent().toString().trim();
            }
        }
        throw new AssertionError("no " + type + " part in " + mail.getContentType());
    }
}
