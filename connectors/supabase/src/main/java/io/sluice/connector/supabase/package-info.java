/**
 * {@code type: supabase-realtime}: a client of Supabase Realtime's {@code postgres_changes}, spoken
 * over Phoenix Channels on a WebSocket (protocol {@code vsn} 1.0.0 or 2.0.0). Each change arrives as
 * the change event every database source shares ({@link io.sluice.event.DatabaseChange}).
 *
 * <p>Realtime delivers at most once: it replays nothing across a disconnect, it skips changes while
 * a tenant is over its rate limit, and it cannot be paused. The source therefore counts what it may
 * have missed ({@link io.sluice.connector.supabase.SupabaseRealtime#GAPS}) instead of pretending
 * otherwise; {@code postgres-cdc} is the lossless way to read the same changes.
 */
package io.sluice.connector.supabase;
