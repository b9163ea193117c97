package io.sluice.chart;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields of a manifest that the fabric8 Kubernetes model does not know.
 *
 * <p>fabric8 does not reject unknown fields: it keeps them in each bean's {@code additionalProperties}.
 * A misspelt or misplaced key in a template therefore parses fine, and only shows as a non-empty map
 * somewhere down the bean tree. The API server, by contrast, drops such a field silently (or rejects
 * it under strict field validation), so the mistake would otherwise surface only in a live cluster.
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {}

    /** The JSON paths, such as {@code .spec.template.spec.bogus}, of every unknown field under the bean. */
    static List<String> in(Object bean) {
        List<String> found = new ArrayList<>();
        walk(bean, "", found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", found);
            }
        } else if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> walk(value, path + "." + key, found));
        } else if (node != null && node.getClass().getPackageName().startsWith(MODEL_PACKAGE)) {
            additionalProperties(node).keySet().forEach(key -> found.add(path + "." + key));
            for (Class<?> type = node.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    JsonProperty property = field.getAnnotation(JsonProperty.class);
                    if (property != null) {
                        String name = property.value().isEmpty() ? field.getName() : property.value();
                        walk(read(field, node), path + "." + name, found);
                    }
                }
            }
        }
    }

    private static Map<?, ?> additionalProperties(Object bean) {
        try {
            Method getter = bean.getClass().getMethod("getAdditionalProperties");
            Object value = getter.invoke(bean);
            return value instanceof Map<?, ?> map ? map : Map.of();
        } catch (NoSuchMethodException expected) {
            // Value types such as IntOrString have no such map, and nothing unknown can hide in them.
            return Map.of();
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read additionalProperties of " + bean.getClass(), e);
        }
    }

    private static Object read(Field field, Object bean) {
        try {
            field.setAccessible(true);
            return field.get(bean);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
