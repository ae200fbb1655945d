package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;

/** A workspace's sources: added by editors, read by viewers, validated per type; x is refused. */
class SourceApiTest extends ApiTest {

    @Test
    void addListAndRemoveOneOfEachType() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String base = "/api/v1/workspaces/" + workspace + "/sources";
        JsonNode rss = add(owner, base, "{\"type\": \"rss\", \"url\": \"https://hnrss.org/frontpage\", \"name\": \"Hacker News\"}");
        assertThat(rss.get("name").asString()).isEqualTo("Hacker News");
        JsonNode reddit = add(owner, base, "{\"type\": \"reddit\", \"subreddit\": \"r/MachineLearning\", \"sort\": \"top\", "
                + "\"time_window\": \"week\", \"limit\": 25}");
        assertThat(reddit.get("subreddit").asString()).isEqualTo("MachineLearning");
        assertThat(reddit.get("time_window").asString()).isEqualTo("week");
        assertThat(reddit.get("limit").asInt()).isEqualTo(25);
        add(owner, base, "{\"type\": \"blog\", \"url\": \"https://martinfowler.com\"}");
        JsonNode youtube = add(owner, base, "{\"type\": \"youtube\", \"channel\": \"@GoogleDevelopers\"}");
        assertThat(youtube.get("url").asString()).isEqualTo("https://www.youtube.com/@GoogleDevelopers");

        JsonNode listed = owner.get(base).data();
        assertThat(listed.get("count").asInt()).isEqualTo(4);
        assertThat(listed.get("sources")).extracting(s -> s.get("type").asString()).containsExactly("rss", "reddit", "blog", "youtube");
        assertThat(owner.post(base, "{\"type\": \"reddit\", \"subreddit\": \"machinelearning\"}").status())
                .as("the same subreddit in another case").isEqualTo(409);

        assertThat(owner.delete(base + "/" + rss.get("id").asString()).status()).isEqualTo(200);
        assertThat(owner.get(base).data().get("count").asInt()).isEqualTo(3);
        assertThat(owner.delete(base + "/" + rss.get("id").asString()).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "UCVHFbqXqoYvEWM1Ddxl0QDg | https://www.youtube.com/channel/UCVHFbqXqoYvEWM1Ddxl0QDg",
            "https://www.youtube.com/channel/UCVHFbqXqoYvEWM1Ddxl0QDg/videos | https://www.youtube.com/channel/UCVHFbqXqoYvEWM1Ddxl0QDg",
            "https://m.youtube.com/@GoogleDevelopers?sub=1 | https://www.youtube.com/@GoogleDevelopers",
            "https://youtube.com/c/LinusTechTips | https://www.youtube.com/c/LinusTechTips"})
    void youtubeChannelsAreKeptAsTheirChannelUrl(String channel, String url) {
        ApiClient owner = newUser();
        JsonNode source = add(owner, "/api/v1/workspaces/" + workspace(owner) + "/sources",
                "{\"type\": \"youtube\", \"channel\": \"" + channel + "\"}");
        assertThat(source.get("url").asString()).isEqualTo(url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\": \"x\", \"username\": \"openai\"} | type | paid X API credentials",
            "{\"type\": \"mastodon\"} | type | rss, atom, reddit, blog or youtube",
            "{\"url\": \"https://example.org/feed\"} | type | required",
            "{\"type\": \"rss\", \"url\": \"ftp://example.org/feed\"} | url | http(s)",
            "{\"type\": \"rss\"} | url | http(s)",
            "{\"type\": \"reddit\", \"subreddit\": \"a\"} | subreddit | subreddit name",
            "{\"type\": \"reddit\", \"subreddit\": \"java\", \"sort\": \"best\"} | sort | hot, new, top or rising",
            "{\"type\": \"reddit\", \"subreddit\": \"java\", \"time_window\": \"decade\"} | time_window | hour, day",
            "{\"type\": \"reddit\", \"subreddit\": \"java\", \"limit\": 500} | limit | between 1 and 100",
            "{\"type\": \"youtube\", \"channel\": \"https://vimeo.com/@someone\"} | channel | YouTube channel"})
    void aBadSourceIsA400NamingTheField(String body, String field, String message) {
        ApiClient owner = newUser();
        ApiClient.Reply reply = owner.post("/api/v1/workspaces/" + workspace(owner) + "/sources", body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.details().path(field).asString()).as(reply.text()).contains(message);
    }

    @Test
    void viewersReadEditorsChangeOutsidersSeeNothing() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String base = "/api/v1/workspaces/" + workspace + "/sources";
        String source = add(owner, base, "{\"type\": \"rss\", \"url\": \"https://example.org/feed.xml\"}").get("id").asString();
        ApiClient viewer = member(owner, workspace, "viewer");
        ApiClient editor = member(owner, workspace, "editor");
        assertThat(viewer.get(base).status()).isEqualTo(200);
        assertThat(viewer.post(base, "{\"type\": \"rss\", \"url\": \"https://example.org/other.xml\"}").status()).isEqualTo(403);
        assertThat(viewer.delete(base + "/" + source).status()).isEqualTo(403);
        assertThat(editor.post(base, "{\"type\": \"rss\", \"url\": \"https://example.org/other.xml\"}").status()).isEqualTo(201);
        assertThat(newUser().get(base).status()).isEqualTo(404);
        assertThat(editor.delete(base + "/" + source).status()).isEqualTo(200);
    }

    private static JsonNode add(ApiClient client, String base, String body) {
        ApiClient.Reply reply = client.post(base, body);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.data();
    }
}
