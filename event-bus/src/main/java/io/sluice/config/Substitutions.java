package io.sluice.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves references inside configuration values: {@code ${NAME}} and {@code ${NAME:-default}}
 * from the environment, and {@code ${secret:name}} from a secret file.
 *
 * <p>Secret files live where OpenFaaS mounts them, {@code /var/openfaas/secrets/<name>}, unless
 * {@code SLUICE_SECRETS_DIR} says otherwise. A trailing newline in a secret file is dropped, since
 * {@code kubectl create secret --from-file} and editors add one. {@code $${} writes a literal
 * {@code ${}.
 */
public final class Substitutions {

    /** Where OpenFaaS mounts function secrets; Sluice reads its own from the same place. */
    public static final Path DEFAULT_SECRETS_DIR = Path.of("/var/openfaas/secrets");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> environment;
    private final Path secretsDir;

    public Substitutions(Map<String, String> environment, Path secretsDir) {
        this.environment = environment;
        this.secretsDir = secretsDir;
    }

    /** Substitutions from this process's environment and secrets directory. */
    public static Substitutions fromProcess() {
        Map<String, String> env = System.getenv();
        String dir = env.get("SLUICE_SECRETS_DIR");
        return new Substitutions(env, dir == null || dir.isEmpty() ? DEFAULT_SECRETS_DIR : Path.of(dir));
    }

    /**
     * Resolves every reference in the text.
     *
     * @throws IllegalArgumentException naming the variable or secret that cannot be resolved
     */
    public String apply(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group(1) == null ? "${" : resolve(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String resolve(String reference) {
        if (reference.startsWith("secret:")) {
            return secret(reference.substring("secret:".length()));
        }
        int dash = reference.indexOf(":-");
        String name = dash < 0 ? reference : reference.substring(0, dash);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'${"
                    + reference
                    + "}' is not a valid reference; write ${NAME}, "
                    + "${NAME:-default} or ${secret:name}");
        }
        String value = environment.get(name);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        if (dash >= 0) {
            return reference.substring(dash + 2);
        }
        throw new IllegalArgumentException("environment variable "
                + name
                + " is not set and has no default; "
                + "set it or write ${"
                + name
                + ":-default}");
    }

    private String secret(String name) {
        if (!NAME.matcher(name.replace('-', '_').replace('.', '_')).matches()) {
            throw new IllegalArgumentException("secret name '" + name + "' is not a file name");
        }
        Path file = secretsDir.resolve(name);
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8);
            return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        } catch (IOException e) {
            throw new IllegalArgumentException("secret '"
                    + name
                    + "' cannot be read from "
                    + file
                    + " ("
                    + e.getClass().getSimpleName()
                    + "); mount it there or set SLUICE_SECRETS_DIR");
        }
    }
}
