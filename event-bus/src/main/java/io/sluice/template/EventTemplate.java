package io.sluice.template;

import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.Map;

/** A compiled Mustache template; thread-safe, so compile once and render for every event. */
public final class EventTemplate {

    private final Mustache mustache;

    EventTemplate(Mustache mustache) {
        this.mustache = mustache;
    }

    /**
     * Renders the template over the scope, usually {@link EventTemplates#scope}.
     *
     * @throws RuntimeException when the template fails on the scope
     */
    public String render(Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }
}
