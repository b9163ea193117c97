package io.sluice.connector.postgres.impl;

import io.vertx.core.net.ClientSSLOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where a PostgreSQL server is and who to log in as, read from a URL in libpq's form ({@code
 * postgresql://user:password@host:5432/db?sslmode=require}) or pgJDBC's ({@code
 * jdbc:postgresql://host:5432/db?user=u&password=p}). Both drivers Sluice uses are configured from
 * it: the Vert.x client for ordinary sessions, pgJDBC for the replication stream.
 *
 * @param host the host name or address
 * @param port the port, 5432 when absent
 * @param database the database, the user's name when absent (as libpq does)
 * @param user the role to log in as
 * @param password the password, or {@code null}
 * @param sslMode libpq's {@code sslmode}: disable (the default), require, verify-ca or verify-full
 */
public record PostgresUrl(String host, int port, String database, String user, String password, String sslMode) {

    private static final Set<String> PARAMETERS = Set.of("user", "password", "sslmode");
    private static final Set<String> SSL_MODES = Set.of("disable", "require", "verify-ca", "verify-full");

    /**
     * Parses the URL.
     *
     * @throws IllegalArgumentException saying what is wrong, without repeating the password
     */
    public static PostgresUrl parse(String url) {
        String text = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be a URL such as postgresql://user:password@host:5432/database"
                    + " (percent-encode special characters in the password)");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("must start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("must name one host, e.g. postgresql://user@db.example.com:5432/app");
        }
        Map<String, String> query = query(uri.getRawQuery());
        String user = query.get("user");
        String password = query.get("password");
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : password;
        }
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("must name the user, as user@host or ?user=");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String sslMode = query.getOrDefault("sslmode", "disable");
        if (!SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException("sslmode must be one of disable, require, verify-ca, verify-full");
        }
        return new PostgresUrl(
                uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                path.isEmpty() ? user : path,
                user,
                password,
                sslMode);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = decode(kv[0]);
            if (!PARAMETERS.contains(key)) {
                throw new IllegalArgumentException(
                        "has parameter '" + key + "'; supported parameters: user, password, sslmode");
            }
            parameters.put(key, kv.length > 1 ? decode(kv[1]) : "");
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL pgJDBC connects to; credentials travel in {@link #jdbcProperties()}. */
    public String jdbcUrl() {
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + database;
    }

    /** User, password and sslmode for pgJDBC. */
    public Properties jdbcProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("sslmode", sslMode);
        return properties;
    }

    /** The options of a Vert.x PostgreSQL client. */
    public PgConnectOptions connectOptions() {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(host)
                .setPort(port)
                .setDatabase(database)
                .setUser(user)
                .setSslMode(SslMode.of(sslMode));
        if (password != null) {
            options.setPassword(password);
        }
        if (sslMode.equals("require")) {
            // libpq's "require" encrypts without checking the certificate; do the same.
            options.setSslOptions(new ClientSSLOptions().setTrustAll(true));
        } else if (sslMode.equals("verify-full")) {
            options.setSslOptions(new ClientSSLOptions().setHostnameVerificationAlgorithm("HTTPS"));
        }
        return options;
    }

    /** The URL without the password, for logs and error messages. */
    public String redacted() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return redacted();
    }
}
