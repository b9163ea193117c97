package io.sluice.connector.openfaas.impl;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR notation, e.g. {@code 10.0.0.0/8} or {@code fe80::/10}. */
record Cidr(byte[] network, int prefix, String text) {

    /**
     * Parses CIDR notation; a bare address is a /32 or /128.
     *
     * @throws IllegalArgumentException naming the text when it is not CIDR notation
     */
    static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        byte[] address;
        try {
            // Only literals reach here: getByName does no lookup for an address literal.
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("'" + text + "' is not an IP network such as 10.0.0.0/8");
            }
            address = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP network such as 10.0.0.0/8", e);
        }
        int bits = address.length * 8;
        int prefix;
        try {
            prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no valid prefix length", e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
        }
        return new Cidr(address, prefix, text.trim());
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest);
        return (candidate[full] & mask) == (network[full] & mask);
    }
}
