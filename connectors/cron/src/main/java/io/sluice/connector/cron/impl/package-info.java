/** The {@code type: cron} source, its schedule and its journal; not an API. */
package io.sluice.connector.cron.impl;
