/**
 * Scheduled events: {@code type: cron} emits a tick ({@link io.sluice.connector.cron.CronTick}) at
 * every time a cron expression names, in a configured time zone.
 *
 * <p>Every Sluice replica computes the same ticks and publishes each one to a JetStream journal with
 * the message id {@code <source>:<scheduled epoch second>}, so JetStream keeps exactly one; the
 * source consumes its journal through a durable pull consumer all replicas share, so each tick is
 * dispatched once however many replicas run, and acknowledged only once its event settled. Ticks
 * missed while no replica ran are not fired afterwards.
 */
package io.sluice.connector.cron;
