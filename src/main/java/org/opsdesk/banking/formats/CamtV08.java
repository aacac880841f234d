package org.opsdesk.banking.formats;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.DateTimePeriod1;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.TransactionAgents5;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties6;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.CamtStatement.Balance;
import org.opsdesk.banking.formats.CamtStatement.Entry;
import org.opsdesk.banking.formats.CamtStatement.Transaction;

/** camt.053.001.08 and camt.054.001.08 out of Prowide's model into {@link CamtStatement}s. */
final class CamtV08 {

    private CamtV08() {}

    static List<CamtStatement> statements(MxCamt05300108 mx, Function<Object, List<Entry>> entries) {
        return mx.getBkToCstmrStmt().getStmt().stream()
                .map(s -> new CamtStatement(
                        s.getId(),
                        CamtValues.sequence(s.getElctrncSeqNb(), s.getLglSeqNb()),
                        account(s.getAcct()),
                        from(s.getFrToDt()),
                        to(s.getFrToDt()),
                        s.getBal().stream().map(CamtV08::balance).toList(),
                        entries.apply(s)))
                .toList();
    }

    static List<CamtStatement> notifications(MxCamt05400108 mx, Function<Object, List<Entry>> entries) {
        return mx.getBkToCstmrDbtCdtNtfctn().getNtfctn().stream()
                .map(n -> new CamtStatement(
                        n.getId(),
                        CamtValues.sequence(n.getElctrncSeqNb(), n.getLglSeqNb()),
                        account(n.getAcct()),
                        from(n.getFrToDt()),
                        to(n.getFrToDt()),
                        List.of(),
                        entries.apply(n)))
                .toList();
    }

    private static @Nullable String account(@Nullable CashAccount39 account) {
        return account == null ? null : CamtValues.account(account.getId());
    }

    private static @Nullable LocalDate from(@Nullable DateTimePeriod1 period) {
        return period == null ? null : CamtValues.date(period.getFrDtTm());
    }

    private static @Nullable LocalDate to(@Nullable DateTimePeriod1 period) {
        return period == null ? null : CamtValues.date(period.getToDtTm());
    }

    private static Balance balance(CashBalance8 balance) {
        var type = balance.getTp() == null ? null : balance.getTp().getCdOrPrtry();
        String code = type == null ? null : type.getCd() != null ? type.getCd() : type.getPrtry();
        return new Balance(
                code,
                balance.getAmt() == null ? null : balance.getAmt().getValue(),
                balance.getAmt() == null ? null : balance.getAmt().getCcy(),
                CamtValues.credit(balance.getCdtDbtInd()) != Boolean.FALSE);
    }

    static Entry entry(ReportEntry10 entry) {
        return new Entry(
                entry.getAmt() == null ? null : entry.getAmt().getValue(),
                entry.getAmt() == null ? null : entry.getAmt().getCcy(),
                CamtValues.credit(entry.getCdtDbtInd()),
                entry.getSts() == null ? null : entry.getSts().getCd(),
                date(entry.getBookgDt()),
                date(entry.getValDt()),
                entry.getNtryRef(),
                entry.getAcctSvcrRef(),
                entry.getAddtlNtryInf(),
                entry.getNtryDtls().stream()
                        .flatMap(details -> details.getTxDtls().stream())
                        .map(CamtV08::transaction)
                        .toList());
    }

    private static Transaction transaction(EntryTransaction10 tx) {
        var amount = tx.getAmt();
        TransactionParties6 parties = tx.getRltdPties();
        TransactionAgents5 agents = tx.getRltdAgts();
        return new Transaction(
                amount == null ? null : amount.getValue(),
                amount == null ? null : amount.getCcy(),
                tx.getRefs() == null ? null : tx.getRefs().getEndToEndId(),
                tx.getRefs() == null ? null : tx.getRefs().getAcctSvcrRef(),
                parties == null
                        ? Counterparty.NONE
                        : party(parties.getDbtr(), parties.getDbtrAcct(), agents == null ? null : agents.getDbtrAgt()),
                parties == null
                        ? Counterparty.NONE
                        : party(parties.getCdtr(), parties.getCdtrAcct(), agents == null ? null : agents.getCdtrAgt()),
                remittance(tx.getRmtInf()),
                tx.getAddtlTxInf());
    }

    private static Counterparty party(
            @Nullable Party40Choice party,
            @Nullable CashAccount38 account,
            @Nullable BranchAndFinancialInstitutionIdentification6 agent) {
        return new Counterparty(
                party == null ? null : name(party),
                account == null ? null : CamtValues.account(account.getId()),
                agent == null || agent.getFinInstnId() == null
                        ? null
                        : agent.getFinInstnId().getBICFI());
    }

    /** v08 nests the party: a person or organisation ({@code Pty}) or, rarely, an agent ({@code Agt}). */
    private static @Nullable String name(Party40Choice party) {
        if (party.getPty() != null) {
            return party.getPty().getNm();
        }
        return party.getAgt() == null || party.getAgt().getFinInstnId() == null
                ? null
                : party.getAgt().getFinInstnId().getNm();
    }

    private static @Nullable String remittance(@Nullable RemittanceInformation16 remittance) {
        if (remittance == null) {
            return null;
        }
        return Texts.join(Stream.concat(
                remittance.getUstrd().stream(),
                remittance.getStrd().stream()
                        .flatMap(s -> CamtValues.structured(s.getCdtrRefInf(), s.getAddtlRmtInf()))));
    }

    private static @Nullable LocalDate date(@Nullable DateAndDateTime2Choice date) {
        return date == null ? null : CamtValues.date(date.getDt(), date.getDtTm());
    }
}
