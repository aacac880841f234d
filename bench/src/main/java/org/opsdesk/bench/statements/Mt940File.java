package org.opsdesk.bench.statements;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes an MT940 statement of one account: one credit per payment, ING-style structured :86: (/REMI/ /IBAN/). */
final class Mt940File {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter MMDD = DateTimeFormatter.ofPattern("MMdd");

    private Mt940File() {}

    static byte[] write(String accountIban, String currency, LocalDate day, List<Camt053File.Payment> payments) {
        var text = new StringBuilder(payments.size() * 160 + 256);
        BigDecimal total = BigDecimal.ZERO;
        text.append(":20:BENCH")
                .append(day.format(YYMMDD))
                .append("\r\n:25:")
                .append(accountIban)
                .append("\r\n:28C:1/1\r\n:60F:C")
                .append(day.format(YYMMDD))
                .append(currency)
                .append("0,00\r\n");
        for (var payment : payments) {
            total = total.add(payment.amount());
            text.append(":61:")
                    .append(day.format(YYMMDD))
                    .append(day.format(MMDD))
                    .append('C')
                    .append(payment.amount().toPlainString().replace('.', ','))
                    .append("NTRFNONREF\r\n:86:/IBAN/")
                    .append(payment.payerIban())
                    .append("/NAME/")
                    .append(payment.payerName())
                    .append("/REMI/")
                    .append(payment.remittance())
                    .append("\r\n");
        }
        text.append(":62F:C")
                .append(day.format(YYMMDD))
                .append(currency)
                .append(total.toPlainString().replace('.', ','))
                .append("\r\n-\r\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
