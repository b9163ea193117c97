package io.sluice.connector.kafka.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettledOffsetsTest {

    @Test
    void committablePositionWaitsForTheEarliestUnsettledRecord() {
        SettledOffsets offsets = new SettledOffsets();
        offsets.dispatched(10);
        offsets.dispatched(11);
        offsets.dispatched(12);

        long afterLater = offsets.settled(12);
        long afterMiddle = offsets.settled(11);
        long afterFirst = offsets.settled(10);

        assertThat(afterLater).isEqualTo(-1);
        assertThat(afterMiddle).isEqualTo(-1);
        assertThat(afterFirst).isEqualTo(13);
        assertThat(offsets.unsettled()).isZero();
    }

    @Test
    void movesOverGapsLeftByCompactionOrTransactionMarkers() {
        SettledOffsets offsets = new SettledOffsets();
        offsets.dispatched(3);
        offsets.dispatched(7);

        offsets.settled(7);
        long position = offsets.settled(3);

        assertThat(position).isEqualTo(8);
        assertThat(offsets.committable()).isEqualTo(8);
    }

    @Test
    void stopsAtARecordThatNeverSettles() {
        SettledOffsets offsets = new SettledOffsets();
        offsets.dispatched(0);
        offsets.dispatched(1);
        offsets.dispatched(2);

        offsets.settled(0);
        offsets.settled(2);

        assertThat(offsets.committable()).isEqualTo(1);
        assertThat(offsets.unsettled()).isEqualTo(2);
    }

    @Test
    void rejectsAnOffsetHandedOutOfOrder() {
        SettledOffsets offsets = new SettledOffsets();
        offsets.dispatched(5);

        assertThatThrownBy(() -> offsets.dispatched(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ignoresASettlementForAnOffsetNeverHandedOut() {
        SettledOffsets offsets = new SettledOffsets();
        offsets.dispatched(5);

        long position = offsets.settled(4);

        assertThat(position).isEqualTo(-1);
        assertThat(offsets.settled(5)).isEqualTo(6);
    }
}
