package io.sluice.connector.supabase.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.connector.supabase.SupabaseRealtime;
import io.sluice.pipeline.Source;
import io.sluice.pipeline.SourceContext;
import io.sluice.spi.SourceFactory;

/** {@code type: supabase-realtime}: Supabase Realtime postgres changes; see {@link RealtimeSource}. */
public final class RealtimeSourceFactory implements SourceFactory {

    @Override
    public String type() {
        return SupabaseRealtime.TYPE;
    }

    @Override
    public Source create(ComponentConfig config, SourceContext context) {
        return new RealtimeSource(context, RealtimeSettings.from(config));
    }
}
