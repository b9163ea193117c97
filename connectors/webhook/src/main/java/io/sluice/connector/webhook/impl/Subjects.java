package io.sluice.connector.webhook.impl;

/** NATS subject matching: {@code *} stands for one token, a final {@code >} for one or more. */
final class Subjects {

    private Subjects() {}

    /** Whether every subject the {@code subject} filter matches is also matched by {@code filter}. */
    static boolean matches(String filter, String subject) {
        String[] wanted = filter.split("\\.");
        String[] given = subject.split("\\.");
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i].equals(">")) {
                return i == wanted.length - 1 && given.length > i;
            }
            if (i >= given.length) {
                return false;
            }
            boolean token = wanted[i].equals("*") ? !given[i].equals(">") : wanted[i].equals(given[i]);
            if (!token) {
                return false;
            }
        }
        return wanted.length == given.length;
    }
}
