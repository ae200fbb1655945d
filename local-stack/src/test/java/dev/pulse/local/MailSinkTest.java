package dev.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** The local sink as a user meets it: mail sent to it over SMTP (Angus Mail, as action-send sends), then read in the viewer. */
class MailSinkTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private int smtpPort;
    private String viewer;
    private MailSink sink;

    @BeforeEach
    void start() throws Exception {
        smtpPort = freePort();
        int viewerPort = freePort();
        viewer = "http://localhost:" + viewerPort;
        sink = MailSink.start(smtpPort, viewerPort);
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void listsEveryReceivedMessageNewestFirstAndShowsEachDecoded() throws Exception {
        send("Pulse Weekly — café edition", "Hello, café reader.\nThe items follow.",
                "<html><body><h1>Hello café</h1><p>Items</p></body></html>", "anna@example.org", "bob@example.org");
        send("Second issue", "Only text, no HTML.", null, "carla@example.org");

        HttpResponse<String> list = get("/");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        String page = list.body();
        assertThat(page).contains("Received mail", "3 messages received", "Pulse Weekly — café edition", "Second issue",
                "Pulse &lt;news@pulse.local&gt;", "anna@example.org", "bob@example.org", "carla@example.org",
                "href=\"/raw?n=1\"", "<th>From</th>", "<th>To</th>", "<th>Subject</th>", "<th>Received</th>");
        assertThat(page.indexOf("/message?n=3")).as("newest first").isLessThan(page.indexOf("/message?n=2"));
        assertThat(page.indexOf("/message?n=2")).isLessThan(page.indexOf("/message?n=1"));
        assertThat(page.indexOf("carla@example.org")).isLessThan(page.indexOf("Pulse Weekly"));

        String one = get("/message?n=1").body();
        String two = get("/message?n=2").body();
        assertThat(List.of(one, two)).as("one entry per recipient of the first message")
                .anySatisfy(body -> assertThat(body).contains("anna@example.org"))
                .anySatisfy(body -> assertThat(body).contains("bob@example.org"))
                .allSatisfy(body -> assertThat(body).contains("<h1>Pulse Weekly — café edition</h1>",
                        "Hello, café reader.\nThe items follow.", "Text part", "HTML part", "Message-ID"));
        assertThat(one).contains("<iframe sandbox", "src=\"/html?n=1\"", "href=\"/raw?n=1\"", "href=\"/\"");

        HttpResponse<String> html = get("/html?n=1");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).isEqualTo("<html><body><h1>Hello café</h1><p>Items</p></body></html>");
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("sandbox"));

        String raw = get("/raw?n=1").body();
        assertThat(raw).as("as it arrived: still encoded").contains("Subject: =?UTF-8?", "Content-Transfer-Encoding: base64",
                "Content-Transfer-Encoding: quoted-printable", "caf=C3=A9 reader").doesNotContain("<h1>Hello café</h1>");

        String three = get("/message?n=3").body();
        assertThat(three).contains("carla@example.org", "Only text, no HTML.").doesNotContain("<iframe");
        assertThat(get("/html?n=3").body()).contains("no HTML part");
    }

    @Test
    void unknownMessagesAndPagesAreNotFound() throws Exception {
        assertThat(get("/").body()).contains("0 messages received");
        assertThat(get("/message?n=1").statusCode()).isEqualTo(404);
        assertThat(get("/raw?n=1").statusCode()).isEqualTo(404);
        assertThat(get("/raw?n=x").statusCode()).isEqualTo(404);
        assertThat(get("/favicon.ico").statusCode()).isEqualTo(404);
    }

    @Test
    void anOutageRefusesMailUntilTheSinkIsUpAgainAndKeepsWhatCameBefore() throws Exception {
        send("Before", "before", null, "anna@example.org");
        assertThat(post("/smtp/down").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> send("During", "during", null, "anna@example.org")).isInstanceOf(jakarta.mail.MessagingException.class);
        assertThat(post("/smtp/up").body()).contains("is up");
        send("After", "after", null, "anna@example.org");
        assertThat(get("/").body()).contains("Before").contains("After").doesNotContain("During");
        assertThat(get("/smtp/down").statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(viewer + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void send(String subject, String text, String html, String... to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("news@pulse.local", "Pulse"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", to)));
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            textPart.setHeader("Content-Transfer-Encoding", "quoted-printable");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, "UTF-8", "html");
            htmlPart.setHeader("Content-Transfer-Encoding", "base64");
            message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        }
        message.saveChanges();
        Address[] recipients = message.getAllRecipients();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, recipients);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(viewer + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
