package io.sluice.connector.postgres.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettlementLedgerTest {

    @Test
    void confirmsATransactionEndOnlyOnceEveryEventBeforeItSettled() {
        SettlementLedger ledger = new SettlementLedger(100);
        long first = ledger.track();
        long second = ledger.track();
        ledger.mark(200);

        ledger.settle(second);

        assertThat(ledger.confirmable()).isEqualTo(100);
        ledger.settle(first);
        assertThat(ledger.confirmable()).isEqualTo(200);
    }

    @Test
    void aSlowEventHoldsBackLaterTransactionsThatSettledFirst() {
        SettlementLedger ledger = new SettlementLedger(100);
        long slow = ledger.track();
        ledger.mark(200);
        long fast = ledger.track();
        ledger.mark(300);

        ledger.settle(fast);

        assertThat(ledger.confirmable()).isEqualTo(100);
        ledger.settle(slow);
        assertThat(ledger.confirmable()).isEqualTo(300);
        assertThat(ledger.unsettled()).isZero();
    }

    @Test
    void positionWithNothingInFlightIsConfirmableAtOnce() {
        SettlementLedger ledger = new SettlementLedger(100);

        ledger.mark(150);

        assertThat(ledger.confirmable()).isEqualTo(150);
    }

    @Test
    void neverMovesBackwards() {
        SettlementLedger ledger = new SettlementLedger(500);

        ledger.mark(400);

        assertThat(ledger.confirmable()).isEqualTo(500);
    }

    @Test
    void comparesPositionsAsUnsigned() {
        SettlementLedger ledger = new SettlementLedger(Lsn.parse("7FFFFFFF/FFFFFFFF"));

        ledger.mark(Lsn.parse("80000000/0"));

        assertThat(Lsn.format(ledger.confirmable())).isEqualTo("80000000/0");
    }

    @Test
    void staysBoundedWhileOneEventIsStuck() {
        SettlementLedger ledger = new SettlementLedger(0);
        long stuck = ledger.track();
        for (int i = 1; i <= 100_000; i++) {
            ledger.settle(ledger.track());
            ledger.mark(i);
        }

        int waiting = ledger.waitingPositions();
        ledger.settle(stuck);

        assertThat(waiting).isEqualTo(1);
        assertThat(ledger.confirmable()).isEqualTo(100_000);
        assertThat(ledger.unsettled()).isZero();
    }
}
