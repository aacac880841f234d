package org.opsdesk.banking.payfiles;

import com.prowidesoftware.swift.model.mx.MxPain00100103;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType3Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification4;
import com.prowidesoftware.swift.model.mx.dic.CashAccount16;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemIdentification2Choice;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemMemberIdentification2;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransactionInformation10;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV03;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification7;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader32;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification32;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification1;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstructionInformation3;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation19;
import com.prowidesoftware.swift.model.mx.dic.PostalAddress6;
import com.prowidesoftware.swift.model.mx.dic.Purpose2Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation5;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import org.jspecify.annotations.Nullable;

/**
 * Writes a checked batch as a {@code pain.001.001.03} customer credit transfer initiation (the version most banks
 * still take) on Prowide's MX model: one payment information block, one transaction per item.
 */
final class Pain00100103Writer {

    private Pain00100103Writer() {}

    static String write(CheckedPayoutBatch batch) {
        var header = new GroupHeader32()
                .setMsgId(batch.messageId())
                .setCreDtTm(PayoutXml.creationTime(batch))
                .setNbOfTxs(Integer.toString(batch.numberOfTransactions()))
                .setCtrlSum(batch.controlSum())
                .setInitgPty(new PartyIdentification32().setNm(batch.debtor().name()));
        var message =
                new CustomerCreditTransferInitiationV03().setGrpHdr(header).addPmtInf(paymentInformation(batch));
        return PayoutXml.document(new MxPain00100103().setCstmrCdtTrfInitn(message));
    }

    private static PaymentInstructionInformation3 paymentInformation(CheckedPayoutBatch batch) {
        PayoutDebtor debtor = batch.debtor();
        var information = new PaymentInstructionInformation3()
                .setPmtInfId(batch.messageId())
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setBtchBookg(false)
                .setNbOfTxs(Integer.toString(batch.numberOfTransactions()))
                .setCtrlSum(batch.controlSum())
                .setReqdExctnDt(batch.requestedExecutionDate())
                .setDbtr(new PartyIdentification32().setNm(debtor.name()).setPstlAdr(address(debtor.address())))
                .setDbtrAcct(new CashAccount16()
                        .setId(new AccountIdentification4Choice().setIBAN(debtor.iban()))
                        .setCcy(batch.currency().code()))
                .setDbtrAgt(debtorAgent(debtor.bic()))
                .setChrgBr(batch.sepa() ? ChargeBearerType1Code.SLEV : ChargeBearerType1Code.SHAR);
        if (batch.sepa()) {
            information.setPmtTpInf(new PaymentTypeInformation19().setSvcLvl(new ServiceLevel8Choice().setCd("SEPA")));
        }
        batch.items()
                .forEach(item -> information.addCdtTrfTxInf(
                        transaction(item, batch.currency().code())));
        return information;
    }

    private static CreditTransferTransactionInformation10 transaction(PayoutItem item, String currency) {
        var transaction = new CreditTransferTransactionInformation10()
                .setPmtId(new PaymentIdentification1().setEndToEndId(item.endToEndId()))
                .setAmt(new AmountType3Choice()
                        .setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                                .setValue(item.amount())
                                .setCcy(currency)))
                .setCdtrAgt(creditorAgent(item))
                .setCdtr(new PartyIdentification32()
                        .setNm(item.creditorName())
                        .setPstlAdr(address(item.creditorAddress())))
                .setCdtrAcct(new CashAccount16().setId(account(item.creditorAccount())))
                .setRmtInf(new RemittanceInformation5().addUstrd(item.remittance()));
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

    private static @Nullable BranchAndFinancialInstitutionIdentification4 creditorAgent(PayoutItem item) {
        var institution = new FinancialInstitutionIdentification7().setBIC(item.creditorBic());
        if (item.creditorAccount() instanceof CreditorAccount.Domestic domestic && domestic.clearingSystem() != null) {
            institution.setClrSysMmbId(new ClearingSystemMemberIdentification2()
                    .setClrSysId(new ClearingSystemIdentification2Choice().setCd(domestic.clearingSystem()))
                    .setMmbId(domestic.clearingMemberId()));
        }
        boolean known = item.creditorBic() != null || institution.getClrSysMmbId() != null;
        return known ? new BranchAndFinancialInstitutionIdentification4().setFinInstnId(institution) : null;
    }

    // A debtor agent is mandatory; without the office's BIC, SEPA's "NOTPROVIDED" stands in.
    private static BranchAndFinancialInstitutionIdentification4 debtorAgent(@Nullable String bic) {
        var institution = bic == null
                ? new FinancialInstitutionIdentification7()
                        .setOthr(new GenericFinancialIdentification1().setId(PayoutXml.NOT_PROVIDED))
                : new FinancialInstitutionIdentification7().setBIC(bic);
        return new BranchAndFinancialInstitutionIdentification4().setFinInstnId(institution);
    }

    private static @Nullable PostalAddress6 address(@Nullable PostalAddress address) {
        if (address == null) {
            return null;
        }
        return new PostalAddress6()
                .setStrtNm(address.streetName())
                .setBldgNb(address.buildingNumber())
                .setPstCd(address.postCode())
                .setTwnNm(address.townName())
                .setCtry(address.country());
    }
}
