/** The {@code supabase-realtime} source: the Phoenix channel client, its settings and its bookkeeping; not an API. */
package io.sluice.connector.supabase.impl;
