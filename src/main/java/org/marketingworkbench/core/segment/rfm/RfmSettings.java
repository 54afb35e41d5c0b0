package org.marketingworkbench.core.segment.rfm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Which columns of a transaction log RFM reads, and as of which day. Versioned, so that projects saved
 * today still open when settings are added ({@link #fromJson} migrates older versions). A column that is
 * not used is {@code null}.
 *
 * @param version  format version ({@link #CURRENT_VERSION} when made here)
 * @param customer the customer column
 * @param date     the column with each line's date (a date-time column, or text in a common date format)
 * @param amount   the column with each line's amount; {@code null} when {@code quantity × price} is used
 * @param quantity the quantity column (with {@code price}, when there is no amount)
 * @param price    the unit-price column (with {@code quantity})
 * @param invoice  optional: the invoice (order) column. Frequency then counts distinct invoices (else
 *                 distinct purchase days), and an invoice starting with "C" marks a cancellation
 * @param asOf     the reference date recency is counted to; {@code null}: the day after the last purchase
 */
public record RfmSettings(int version, String customer, String date, String amount, String quantity, String price,
                          String invoice, LocalDate asOf) {

    public static final int CURRENT_VERSION = 1;

    public RfmSettings {
        customer = blankToNull(customer);
        date = blankToNull(date);
        amount = blankToNull(amount);
        quantity = blankToNull(quantity);
        price = blankToNull(price);
        invoice = blankToNull(invoice);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Customer, date and amount columns; Frequency counts purchase days. */
    public static RfmSettings ofAmount(String customer, String date, String amount) {
        return new RfmSettings(CURRENT_VERSION, customer, date, amount, null, null, null, null);
    }

    /** Customer, date, quantity and unit-price columns; each line's amount is quantity × price. */
    public static RfmSettings ofQuantityTimesPrice(String customer, String date, String quantity, String price) {
        return new RfmSettings(CURRENT_VERSION, customer, date, null, quantity, price, null, null);
    }

    public RfmSettings withInvoice(String v) {
        return new RfmSettings(version, customer, date, amount, quantity, price, v, asOf);
    }

    public RfmSettings withAsOf(LocalDate v) {
        return new RfmSettings(version, customer, date, amount, quantity, price, invoice, v);
    }

    public RfmSettings withCustomer(String v) {
        return new RfmSettings(version, v, date, amount, quantity, price, invoice, asOf);
    }

    public RfmSettings withDate(String v) {
        return new RfmSettings(version, customer, v, amount, quantity, price, invoice, asOf);
    }

    /** The amount column; quantity and price are dropped. */
    public RfmSettings withAmount(String v) {
        return new RfmSettings(version, customer, date, v, null, null, invoice, asOf);
    }

    /** Quantity × price; the amount column is dropped. */
    public RfmSettings withQuantityTimesPrice(String q, String p) {
        return new RfmSettings(version, customer, date, null, q, p, invoice, asOf);
    }

    /** Whether each line's amount is quantity × price (no amount column). */
    public boolean usesQuantityTimesPrice() {
        return amount == null;
    }

    /** The columns read, in the order customer, date, amount or quantity and price, invoice. */
    public List<String> columnsUsed() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String c : new String[] {customer, date, amount, quantity, price, invoice}) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** Why these settings cannot run (before any data is looked at), if anything. */
    public Optional<UserMessage> problem() {
        if (customer == null) {
            return Optional.of(UserMessage.of("rfm.error.chooseCustomer"));
        }
        if (date == null) {
            return Optional.of(UserMessage.of("rfm.error.chooseDate"));
        }
        if (amount == null && (quantity == null || price == null)) {
            return Optional.of(UserMessage.of("rfm.error.chooseAmount"));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- suggested columns

    private static final List<String> CUSTOMER_NAMES = List.of("customerid", "customer", "custid", "customerno",
            "customernumber", "clientid", "client", "memberid", "member", "userid", "buyerid",
            "客户id", "客户编号", "客户号", "客户", "会员id", "会员编号", "会员号", "会员", "用户id", "用户", "顾客id", "顾客");
    private static final List<String> DATE_NAMES = List.of("invoicedate", "orderdate", "transactiondate",
            "purchasedate", "saledate", "date", "datetime", "timestamp", "time",
            "订单日期", "交易日期", "购买日期", "下单日期", "下单时间", "交易时间", "日期", "时间");
    private static final List<String> AMOUNT_NAMES = List.of("amount", "revenue", "total", "totalamount",
            "lineamount", "linetotal", "sales", "salesamount", "value", "spend", "netamount",
            "金额", "销售额", "总金额", "总额", "实付金额", "订单金额", "消费金额");
    private static final List<String> QUANTITY_NAMES = List.of("quantity", "qty", "units", "count",
            "数量", "购买数量", "件数");
    private static final List<String> PRICE_NAMES = List.of("unitprice", "price", "priceeach", "unitcost",
            "单价", "价格", "售价");
    private static final List<String> INVOICE_NAMES = List.of("invoice", "invoiceno", "invoiceid", "invoicenumber",
            "orderid", "order", "orderno", "ordernumber", "transactionid", "receipt", "receiptno",
            "订单号", "订单编号", "订单id", "发票号", "单号", "交易号");

    /**
     * Settings with the columns a transaction log usually has, found by name ("CustomerID", "customer_id",
     * "InvoiceDate", "amount", "Quantity" and "UnitPrice", and their usual Chinese names, case, spaces and
     * underscores ignored), else by type (the first date column). An amount column is preferred over
     * quantity × price. What is not found is left {@code null} for the user to choose.
     */
    public static RfmSettings suggest(Dataset data) {
        String customer = find(data, CUSTOMER_NAMES, Accepts.KEYS);
        String date = find(data, DATE_NAMES, Accepts.DATES);
        if (date == null) {
            date = data.columns().stream().filter(c -> c.type() == ColumnType.DATETIME).map(ColumnSpec::name)
                    .findFirst().orElse(null);
        }
        String amount = find(data, AMOUNT_NAMES, Accepts.NUMBERS);
        String quantity = find(data, QUANTITY_NAMES, Accepts.NUMBERS);
        String price = find(data, PRICE_NAMES, Accepts.NUMBERS);
        String invoice = find(data, INVOICE_NAMES, Accepts.KEYS);
        if (amount == null && quantity != null && price != null) {
            return new RfmSettings(CURRENT_VERSION, customer, date, null, quantity, price, invoice, null);
        }
        return new RfmSettings(CURRENT_VERSION, customer, date, amount, amount == null ? quantity : null,
                amount == null ? price : null, invoice, null);
    }

    /** Column types a role accepts when it is found by name. */
    private enum Accepts {
        KEYS(java.util.EnumSet.of(ColumnType.IDENTIFIER, ColumnType.CATEGORY, ColumnType.TEXT, ColumnType.NUMBER,
                ColumnType.IGNORE)),
        DATES(java.util.EnumSet.of(ColumnType.DATETIME, ColumnType.TEXT, ColumnType.CATEGORY, ColumnType.IDENTIFIER)),
        NUMBERS(java.util.EnumSet.of(ColumnType.NUMBER));

        private final java.util.Set<ColumnType> types;

        Accepts(java.util.Set<ColumnType> types) {
            this.types = types;
        }
    }

    /** The column whose normalised name comes first in {@code names} and whose type fits. */
    private static String find(Dataset data, List<String> names, Accepts accepted) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (ColumnSpec c : data.columns()) {
            int rank = names.indexOf(normalise(c.name()));
            if (rank >= 0 && rank < bestRank && accepted.types.contains(c.type())) {
                best = c.name();
                bestRank = rank;
            }
        }
        return best;
    }

    /** "Customer ID", "customer_id" and "CustomerID" all become "customerid". */
    static String normalise(String name) {
        StringBuilder b = new StringBuilder();
        name.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    // ---------------------------------------------------------------- JSON

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("version", CURRENT_VERSION);
        putText(o, "customer", customer);
        putText(o, "date", date);
        putText(o, "amount", amount);
        putText(o, "quantity", quantity);
        putText(o, "price", price);
        putText(o, "invoice", invoice);
        putText(o, "asOf", asOf == null ? null : asOf.toString());
        return o;
    }

    private static void putText(ObjectNode o, String name, String value) {
        if (value == null) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    /**
     * Reads settings stored by any version of the workbench. Version 1 is the first; settings without a
     * version are read as version 1. Settings from a newer workbench are refused with a message.
     */
    public static RfmSettings fromJson(JsonNode json) throws RfmException {
        if (json == null || !json.isObject()) {
            throw new RfmException(RfmException.Reason.UNREADABLE_SETTINGS,
                    UserMessage.of("rfm.error.settingsInvalid", "not an object"));
        }
        int v = json.path("version").asInt(1);
        if (v > CURRENT_VERSION) {
            throw new RfmException(RfmException.Reason.UNREADABLE_SETTINGS,
                    UserMessage.of("rfm.error.settingsNewer", v, CURRENT_VERSION));
        }
        ObjectNode o = migrate(((ObjectNode) json).deepCopy(), v);
        LocalDate asOf = null;
        String asOfText = text(o, "asOf");
        if (asOfText != null) {
            try {
                asOf = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                throw new RfmException(RfmException.Reason.UNREADABLE_SETTINGS,
                        UserMessage.of("rfm.error.settingsInvalid", "asOf " + asOfText));
            }
        }
        return new RfmSettings(CURRENT_VERSION, text(o, "customer"), text(o, "date"), text(o, "amount"),
                text(o, "quantity"), text(o, "price"), text(o, "invoice"), asOf);
    }

    private static String text(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** Brings stored settings of version {@code from} up to the current version. */
    private static ObjectNode migrate(ObjectNode o, int from) {
        // Version 1 is the first stored version: nothing to migrate yet. A later version adds a step here
        // (if (from < 2) { ... }) so that old projects keep opening.
        return o;
    }
}
