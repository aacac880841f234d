package org.opsdesk.banking.formats;

import com.prowidesoftware.swift.model.mx.MxCamt05300104;
import com.prowidesoftware.swift.model.mx.MxCamt05400104;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification5;
import com.prowidesoftware.swift.model.mx.dic.CashAccount24;
import com.prowidesoftware.swift.model.mx.dic.CashAccount25;
import com.prowidesoftware.swift.model.mx.dic.CashBalance3;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTimeChoice;
import com.prowidesoftware.swift.model.mx.dic.DateTimePeriodDetails;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction4;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification43;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation7;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry4;
import com.prowidesoftware.swift.model.mx.dic.TransactionAgents3;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties3;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.CamtStatement.Balance;
import org.opsdesk.banking.formats.CamtStatement.Entry;
import org.opsdesk.banking.formats.CamtStatement.Transaction;

/** camt.053.001.04 and camt.054.001.04 out of Prowide's model into {@link CamtStatement}s. */
final class CamtV04 {

    private CamtV04() {}

    static List<CamtStatement> statements(MxCamt05300104 mx, Function<Object, List<Entry>> entries) {
        return mx.getBkToCstmrStmt().getStmt().stream()
                .map(s -> new CamtStatement(
                        s.getId(),
                        CamtValues.sequence(s.getElctrncSeqNb(), s.getLglSeqNb()),
                        account(s.getAcct()),
                        from(s.getFrToDt()),
                        to(s.getFrToDt()),
                        s.getBal().stream().map(CamtV04::balance).toList(),
                        entries.apply(s)))
                .toList();
    }

    static List<CamtStatement> notifications(MxCamt05400104 mx, Function<Object, List<Entry>> entries) {
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

    private static @Nullable String account(@Nullable CashAccount25 account) {
        return account == null ? null : CamtValues.account(account.getId());
    }

    private static @Nullable LocalDate from(@Nullable DateTimePeriodDetails period) {
        return period == null ? null : CamtValues.date(period.getFrDtTm());
    }

    private static @Nullable LocalDate to(@Nullable DateTimePeriodDetails period) {
        return period == null ? null : CamtValues.date(period.getToDtTm());
    }

    private static Balance balance(CashBalance3 balance) {
        var type = balance.getTp() == null ? null : balance.getTp().getCdOrPrtry();
        String code = type == null ? null : type.getCd() != null ? type.getCd().value() : type.getPrtry();
        return new Balance(
                code,
                balance.getAmt() == null ? null : balance.getAmt().getValue(),
                balance.getAmt() == null ? null : balance.getAmt().getCcy(),
                CamtValues.credit(balance.getCdtDbtInd()) != Boolean.FALSE);
    }

    static Entry entry(ReportEntry4 entry) {
        return new Entry(
                entry.getAmt() == null ? null : entry.getAmt().getValue(),
                entry.getAmt() == null ? null : entry.getAmt().getCcy(),
                CamtValues.credit(entry.getCdtDbtInd()),
                entry.getSts() == null ? null : entry.getSts().value(),
                date(entry.getBookgDt()),
                date(entry.getValDt()),
                entry.getNtryRef(),
                entry.getAcctSvcrRef(),
                entry.getAddtlNtryInf(),
                entry.getNtryDtls().stream()
                        .flatMap(details -> details.getTxDtls().stream())
                        .map(CamtV04::transaction)
                        .toList());
    }

    private static Transaction transaction(EntryTransaction4 tx) {
        var amount = tx.getAmt();
        TransactionParties3 parties = tx.getRltdPties();
        TransactionAgents3 agents = tx.getRltdAgts();
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
            @Nullable PartyIdentification43 party,
            @Nullable CashAccount24 account,
            @Nullable BranchAndFinancialInstitutionIdentification5 agent) {
        return new Counterparty(
                party == null ? null : party.getNm(),
                account == null ? null : CamtValues.account(account.getId()),
                agent == null || agent.getFinInstnId() == null
                        ? null
                        : agent.getFinInstnId().getBICFI());
    }

    private static @Nullable String remittance(@Nullable RemittanceInformation7 remittance) {
        if (remittance == null) {
            return null;
        }
        return Texts.join(Stream.concat(
                remittance.getUstrd().stream(),
                remittance.getStrd().stream()
                        .flatMap(s -> CamtValues.structured(s.getCdtrRefInf(), s.getAddtlRmtInf()))));
    }

    private static @Nullable LocalDate date(@Nullable DateAndDateTimeChoice date) {
        return date == null ? null : CamtValues.date(date.getDt(), date.getDtTm());
    }
}
