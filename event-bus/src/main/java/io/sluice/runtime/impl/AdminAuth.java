package io.sluice.runtime.impl;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Guards the admin API and console: {@code Authorization: Bearer <token>} or basic auth with any
 * user and the token as password (browsers prompt for basic auth). Compared in constant time. The
 * token comes from config, usually {@code admin.token: ${secret:sluice-admin-token}}.
 */
final class AdminAuth implements Handler<RoutingContext> {

    private final byte[] token;

    AdminAuth(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && matches(header)) {
            ctx.next();
            return;
        }
        ctx.response()
                .setStatusCode(401)
                .putHeader("WWW-Authenticate", "Basic realm=\"sluice admin\", charset=\"UTF-8\"")
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("the admin API needs the admin token: Authorization: Bearer <token>, or basic auth with the"
                        + " token as password\n");
    }

    private boolean matches(String header) {
        byte[] presented;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = decoded.indexOf(':');
            presented = (colon < 0 ? decoded : decoded.substring(colon + 1)).getBytes(StandardCharsets.UTF_8);
        } else {
            return false;
        }
        return MessageDigest.isEqual(presented, token);
    }
}
