package org.dbchooser.impl;

import java.util.List;

/** The MicroProfile Config keys dbchooser reads, with their defaults. */
final class ConfigKeys {

    static final String MASTER = "db_chooser.master";
    static final String SLAVE = "db_chooser.slave";
    static final String SLAVE_METHODS = "db_chooser.slave-methods";
    static final String MASTER_UNIT = "db_chooser.master-unit";
    static final String SLAVE_UNIT = "db_chooser.slave-unit";
    static final String SLAVE_FALLBACK = "db_chooser.slave-fallback";
    static final String MAX_LAG = "db_chooser.max-lag";
    static final String READ_ONLY = "db_chooser.read-only";
    static final String HEALTH_INTERVAL = "db_chooser.health-interval";
    static final String READ_YOUR_WRITES = "db_chooser.read-your-writes";
    static final String READ_YOUR_WRITES_WAIT = "db_chooser.read-your-writes-wait";
    static final String READ_YOUR_WRITES_PIN = "db_chooser.read-your-writes-pin";

    static final String PREFIX = "db_chooser.";
    static final List<String> ALL = List.of(MASTER, SLAVE, SLAVE_METHODS, MASTER_UNIT, SLAVE_UNIT, SLAVE_FALLBACK,
            MAX_LAG, READ_ONLY, HEALTH_INTERVAL, READ_YOUR_WRITES, READ_YOUR_WRITES_WAIT, READ_YOUR_WRITES_PIN);
    /** The keys whose value is a list, which may also be given as indexed keys {@code key[0]}, {@code key[1]}, ... */
    static final List<String> LISTS = List.of(MASTER, SLAVE, SLAVE_METHODS);

    static final String DEFAULT_SLAVE_METHODS = "GET,HEAD,OPTIONS";
    static final String DEFAULT_MASTER_UNIT = "master";
    static final String DEFAULT_SLAVE_UNIT = "slave";
    static final String DEFAULT_HEALTH_INTERVAL = "1s";
    static final String DEFAULT_READ_YOUR_WRITES_WAIT = "200ms";
    static final String DEFAULT_READ_YOUR_WRITES_PIN = "2s";

    private ConfigKeys() {
    }

    /** The environment variable MicroProfile Config maps to {@code key}: {@code db_chooser.slave-methods} is {@code DB_CHOOSER_SLAVE_METHODS}. */
    static String environmentName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
