package org.opsdesk.banking.payfiles;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemIdentification2Choice;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemMemberIdentification2;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.PostalAddress24;
import com.prowidesoftware.swift.model.mx.dic.Purpose2Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import org.jspecify.annotations.Nullable;

/**
 * Writes a checked batch as a {@code pain.001.001.09} customer credit transfer initiation (the 2019 version SEPA's
 * rulebooks moved to in November 2023) on Prowide's MX model: the same content as {@link Pain00100103Writer} in
 * that version's types ({@code BICFI}, the requested execution date as the {@code Dt} of a date/date-time choice).
 */
final class Pain00100109Writer {

    private Pain00100109Writer() {}

    static String write(CheckedPayoutBatch batch) {
        var header = new GroupHeader85()
                .setMsgId(batch.messageId())
                .setCreDtTm(PayoutXml.creationTime(batch))
                .setNbOfTxs(Integer.toString(batch.numberOfTransactions()))
                .setCtrlSum(batch.controlSum())
                .setInitgPty(new PartyIdentification135().setNm(batch.debtor().name()));
        var message =
                new CustomerCreditTransferInitiationV09().setGrpHdr(header).addPmtInf(paymentInformation(batch));
        return PayoutXml.document(new MxPain00100109().setCstmrCdtTrfInitn(message));
    }

    private static PaymentInstruction30 paymentInformation(CheckedPayoutBatch batch) {
        PayoutDebtor debtor = batch.debtor();
        var information = new PaymentInstruction30()
                .setPmtInfId(batch.messageId())
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setBtchBookg(false)
                .setNbOfTxs(Integer.toString(batch.numberOfTransactions()))
                .setCtrlSum(batch.controlSum())
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(batch.requestedExecutionDate()))
                .setDbtr(new PartyIdentification135().setNm(debtor.name()).setPstlAdr(address(debtor.address())))
                .setDbtrAcct(new CashAccount38()
                        .setId(new AccountIdentification4Choice().setIBAN(debtor.iban()))
                        .setCcy(batch.currency().code()))
                .setDbtrAgt(debtorAgent(debtor.bic()))
                .setChrgBr(batch.sepa() ? ChargeBearerType1Code.SLEV : ChargeBearerType1Code.SHAR);
        if (batch.sepa()) {
            information.setPmtTpInf(new PaymentTypeInformation26().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")));
        }
        batch.items()
                .forEach(item -> information.addCdtTrfTxInf(
                        transaction(item, batch.currency().code())));
        return information;
    }

    private static CreditTransferTransaction34 transaction(PayoutItem item, String currency) {
        var transaction = new CreditTransferTransaction34()
                .setPmtId(new PaymentIdentification6().setEndToEndId(item.endToEndId()))
                .setAmt(new AmountType4Choice()
                        .setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                                .setValue(item.amount())
                                .setCcy(currency)))
                .setCdtrAgt(creditorAgent(item))
                .setCdtr(new PartyIdentification135()
                        .setNm(item.creditorName())
                        .setPstlAdr(address(item.creditorAddress())))
                .setCdtrAcct(new CashAccount38().setId(account(item.creditorAccount())))
                .setRmtInf(new RemittanceInformation16().addUstrd(item.remittance()));
        if (item.purpose() != null) {
            transaction.setPurp(new Purpose2Choice().setCd(item.purpose()));
        }
        return transaction;
    }

    private static AccountIdentification4Choice account(CreditorAccount account) {
        if (account instanceof CreditorAccount.Domestic domestic) {
            return new AccountIdentification4Choice()
                    .setOthr(new GenericAccountIdentification1()
                            .setId(domestic.accountNumber())
                            .setSchmeNm(new AccountSchemeName1Choice().setCd(PayoutXml.BBAN)));
        }
        return new AccountIdentification4Choice().setIBAN(((CreditorAccount.ByIban) account).iban());
    }

    private static @Nullable BranchAndFinancialInstitutionIdentification6 creditorAgent(PayoutItem item) {
        var institution = new FinancialInstitutionIdentification18().setBICFI(item.creditorBic());
        if (item.creditorAccount() instanceof CreditorAccount.Domestic domestic && domestic.clearingSystem() != null) {
            institution.setClrSysMmbId(new ClearingSystemMemberIdentification2()
                    .setClrSysId(new ClearingSystemIdentification2Choice().setCd(domestic.clearingSystem()))
                    .setMmbId(domestic.clearingMemberId()));
        }
        boolean known = item.creditorBic() != null || institution.getClrSysMmbId() != null;
        return known ? new BranchAndFinancialInstitutionIdentification6().setFinInstnId(institution) : null;
    }

    // A debtor agent is mandatory; without the office's BIC, SEPA's "NOTPROVIDED" stands in.
    private static BranchAndFinancialInstitutionIdentification6 debtorAgent(@Nullable String bic) {
        var institution = bic == null
                ? new FinancialInstitutionIdentification18()
                        .setOthr(new GenericFinancialIdentification1().setId(PayoutXml.NOT_PROVIDED))
                : new FinancialInstitutionIdentification18().setBICFI(bic);
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(institution);
    }

    private static @Nullable PostalAddress24 address(@Nullable PostalAddress address) {
        if (address == null) {
            return null;
        }
        return new PostalAddress24()
                .setStrtNm(address.streetName())
                .setBldgNb(address.buildingNumber())
                .setPstCd(address.postCode())
                .setTwnNm(address.townName())
                .setCtry(address.country());
    }
}
