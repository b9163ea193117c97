package io.sluice.config;

import java.util.Map;

/**
 * Where a configuration tree came from: the file name and the line of every key, so that every
 * error can point at the line to fix.
 */
public final class ConfigSource {

    private final String file;
    private final Map<String, Integer> lines;

    /**
     * @param file the file name as the user gave it, or {@code null}
     * @param lines the 1-based line of each key, by JSON pointer
     */
    public ConfigSource(String file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = Map.copyOf(lines);
    }

    /** The file name, or {@code null}. */
    public String file() {
        return file;
    }

    /** The line of the key, or of its closest ancestor that has one; 0 when unknown. */
    public int line(String pointer) {
        String key = pointer;
        while (true) {
            Integer line = lines.get(key);
            if (line != null) {
                return line;
            }
            int slash = key.lastIndexOf('/');
            if (slash < 0) {
                return 0;
            }
            key = key.substring(0, slash);
        }
    }

    /** A problem at the key, with its file and line filled in. */
    public ConfigProblem problem(String pointer, String rule, Object value) {
        return new ConfigProblem(file, line(pointer), pointer, rule, value == null ? null : String.valueOf(value));
    }
}
