package io.sluice.processors.testing.impl;

import java.util.Map;

/**
 * What one captured event must look like; each field is checked only when given.
 *
 * @param type the event type
 * @param source the event source
 * @param subject the subject
 * @param contentType the data content type
 * @param data the whole data, compared as JSON (or as text when a string and the data is not JSON)
 * @param hasData whether {@code data} was given ({@code null} is a value to expect)
 * @param dataContains a JSON value the data must contain: objects may hold more keys, arrays more
 *     items
 * @param hasDataContains whether {@code data-contains} was given
 * @param dataText the data as text, byte for byte
 * @param headers header values the event must carry (first value, name case ignored)
 */
public record ExpectedEvent(
        String type,
        String source,
        String subject,
        String contentType,
        Object data,
        boolean hasData,
        Object dataContains,
        boolean hasDataContains,
        String dataText,
        Map<String, String> headers) {}
