package io.quantumgates.common.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where Redis is: from {@code REDIS_URL} or {@code REDIS_HOST}/{@code REDIS_PORT}/{@code REDIS_DB}/{@code REDIS_PASSWORD}.
 * {@code toString} never shows the password.
 *
 * <p>{@code REDIS_URL} is {@code redis[s]://[[user:]pass@]host[:port][/db]} (Lettuce's reading: a user-info without
 * a colon is the password); user and password may be percent-encoded. When set it overrides the parts, except that
 * {@code REDIS_PASSWORD} still applies when the URL carries no password, so the secret can stay out of the URL.
 * {@code username} is empty when none is given.
 */
public record RedisSettings(String host, int port, int db, String username, Secret password, boolean tls) {
    static final String URL_FORM = "redis[s]://[[user:]pass@]host[:port][/db]";

    public static RedisSettings from(Env env) {
        String url = env.string("REDIS_URL", "").strip();
        if (!url.isEmpty()) {
            RedisSettings parsed = parseUrl(url);
            if (parsed.password().isEmpty()) {
                Secret fallback = env.secret("REDIS_PASSWORD");
                return new RedisSettings(parsed.host, parsed.port, parsed.db, parsed.username, fallback, parsed.tls);
            }
            return parsed;
        }
        return new RedisSettings(
                env.string("REDIS_HOST", "localhost").strip(),
                env.integer("REDIS_PORT", 6379, 1, 65535),
                env.integer("REDIS_DB", 0, 0, Integer.MAX_VALUE),
                "",
                env.secret("REDIS_PASSWORD"),
                false);
    }

    static RedisSettings parseUrl(String url) {
        int sep = url.indexOf("://");
        String scheme = sep < 0 ? "" : url.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw bad(url);
        }
        String rest = url.substring(sep + 3);
        int at = rest.lastIndexOf('@');
        String username = "";
        String password = "";
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            try {
                if (colon < 0) {
                    password = decode(userInfo);
                } else {
                    username = decode(userInfo.substring(0, colon));
                    password = decode(userInfo.substring(colon + 1));
                }
            } catch (IllegalArgumentException e) {
                throw bad(url);
            }
            rest = rest.substring(at + 1);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }

        String host;
        String portText = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw bad(url);
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw bad(url);
                }
                portText = after.substring(1);
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? "" : hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':')) {
            throw bad(url);
        }
        int port = portText.isEmpty() ? 6379 : number(portText, 1, 65535, url);
        int db = path.isEmpty() ? 0 : number(path, 0, Integer.MAX_VALUE, url);
        return new RedisSettings(host, port, db, username, Secret.of(password), scheme.equals("rediss"));
    }

    private static int number(String text, int min, int max, String url) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(url);
        }
        long v = Long.parseLong(text);
        if (v < min || v > max) {
            throw bad(url);
        }
        return (int) v;
    }

    private static ConfigException bad(String url) {
        return new ConfigException("REDIS_URL", masked(url), URL_FORM);
    }

    /** The URL with whatever could be a password replaced by {@code ***}. */
    static String masked(String url) {
        int sep = url.indexOf("://");
        int start = sep < 0 ? 0 : sep + 3;
        int at = url.lastIndexOf('@');
        if (at < start) {
            return url;
        }
        String userInfo = url.substring(start, at);
        int colon = userInfo.indexOf(':');
        String shown = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
        return url.substring(0, start) + shown + url.substring(at);
    }

    /** Percent-decoding without {@code URLDecoder}'s form rule that turns {@code +} into a space. */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%') {
                if (i + 2 >= bytes.length) {
                    throw new IllegalArgumentException("bad escape");
                }
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code host:port} for log lines. */
    public String hostPort() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + (password.isEmpty() ? "" : "***@") + host + ":" + port + "/" + db;
    }
}
