package io.quantumgates.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The JSON bodies of the real USD-M futures endpoints (money as strings), their weights and the signature. */
final class FakeBinanceEndpoints {
    static final int LEVERAGE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal LEVERAGE_DECIMAL = BigDecimal.valueOf(LEVERAGE);

    private FakeBinanceEndpoints() {}

    static boolean isSigned(String path) {
        return switch (path) {
            case "/fapi/v2/account", "/fapi/v3/account", "/fapi/v2/positionRisk", "/fapi/v2/balance" -> true;
            default -> false;
        };
    }

    /** Request weights as Binance documents them. */
    static int weight(String path, Map<String, String> params) {
        return switch (path) {
            case "/fapi/v1/time" -> 1;
            case "/fapi/v1/premiumIndex" -> params.containsKey("symbol") ? 1 : 10;
            case "/fapi/v2/account", "/fapi/v3/account", "/fapi/v2/positionRisk", "/fapi/v2/balance" -> 5;
            default -> 1;
        };
    }

    static String hmacHex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** v3: only symbols with a position. */
    static String accountV3(FakeBinanceBook book, long now) {
        FakeBinanceBook.Snapshot s = book.snapshot();
        ObjectNode root = totals(s);
        root.set("assets", assets(s, now));
        ArrayNode positions = root.putArray("positions");
        for (FakeBinanceBook.Held h : s.positions().values()) {
            ObjectNode p = positions.addObject();
            p.put("symbol", h.symbol());
            p.put("positionSide", "BOTH");
            p.put("positionAmt", h.amt().toPlainString());
            p.put("unrealizedProfit", money(BigDecimal.ZERO));
            p.put("isolatedMargin", money(BigDecimal.ZERO));
            p.put("notional", money(h.notional()));
            p.put("isolatedWallet", "0");
            p.put("initialMargin", money(margin(h.notional())));
            p.put("maintMargin", money(h.notional().abs().multiply(new BigDecimal("0.004"))));
            p.put("updateTime", now - 60_000);
        }
        return write(root);
    }

    /** v2: a row for every symbol the exchange knows, zero rows included. */
    static String accountV2(FakeBinanceBook book, long now) {
        FakeBinanceBook.Snapshot s = book.snapshot();
        ObjectNode root = totals(s);
        root.put("feeTier", 0);
        root.put("canTrade", true);
        root.put("canDeposit", true);
        root.put("canWithdraw", true);
        root.put("updateTime", 0);
        root.put("multiAssetsMargin", false);
        root.put("tradeGroupId", -1);
        root.set("assets", assets(s, now));
        ArrayNode positions = root.putArray("positions");
        for (Map.Entry<String, BigDecimal> m : s.marks().entrySet()) {
            FakeBinanceBook.Held h = s.positions().getOrDefault(
                    m.getKey(), new FakeBinanceBook.Held(m.getKey(), BigDecimal.ZERO, m.getValue()));
            ObjectNode p = positions.addObject();
            p.put("symbol", h.symbol());
            p.put("initialMargin", money(margin(h.notional())));
            p.put("maintMargin", money(h.notional().abs().multiply(new BigDecimal("0.004"))));
            p.put("unrealizedProfit", money(BigDecimal.ZERO));
            p.put("positionInitialMargin", money(margin(h.notional())));
            p.put("openOrderInitialMargin", "0");
            p.put("leverage", String.valueOf(LEVERAGE));
            p.put("isolated", false);
            p.put("entryPrice", h.amt().signum() == 0 ? "0.0" : h.mark().toPlainString());
            p.put("breakEvenPrice", h.amt().signum() == 0 ? "0.0" : h.mark().toPlainString());
            p.put("maxNotional", "1000000");
            p.put("bidNotional", "0");
            p.put("askNotional", "0");
            p.put("positionSide", "BOTH");
            p.put("positionAmt", h.amt().signum() == 0 ? "0.000" : h.amt().toPlainString());
            p.put("notional", money(h.notional()));
            p.put("isolatedWallet", "0");
            p.put("updateTime", h.amt().signum() == 0 ? 0 : now - 60_000);
        }
        return write(root);
    }

    static String positionRisk(FakeBinanceBook book, String symbol, long now) {
        FakeBinanceBook.Snapshot s = book.snapshot();
        ArrayNode out = JSON.createArrayNode();
        for (Map.Entry<String, BigDecimal> m : s.marks().entrySet()) {
            if (symbol != null && !symbol.equals(m.getKey())) {
                continue;
            }
            FakeBinanceBook.Held h = s.positions().getOrDefault(
                    m.getKey(), new FakeBinanceBook.Held(m.getKey(), BigDecimal.ZERO, m.getValue()));
            ObjectNode p = out.addObject();
            p.put("entryPrice", h.amt().signum() == 0 ? "0.0" : h.mark().toPlainString());
            p.put("breakEvenPrice", h.amt().signum() == 0 ? "0.0" : h.mark().toPlainString());
            p.put("marginType", "cross");
            p.put("isAutoAddMargin", "false");
            p.put("isolatedMargin", money(BigDecimal.ZERO));
            p.put("leverage", String.valueOf(LEVERAGE));
            p.put("liquidationPrice", "0");
            p.put("markPrice", money(h.mark()));
            p.put("maxNotionalValue", "1000000");
            p.put("positionAmt", h.amt().signum() == 0 ? "0.000" : h.amt().toPlainString());
            p.put("notional", money(h.notional()));
            p.put("isolatedWallet", "0");
            p.put("symbol", h.symbol());
            p.put("unRealizedProfit", money(BigDecimal.ZERO));
            p.put("positionSide", "BOTH");
            p.put("updateTime", h.amt().signum() == 0 ? 0 : now - 60_000);
        }
        return write(out);
    }

    static String balance(FakeBinanceBook book, long now) {
        FakeBinanceBook.Snapshot s = book.snapshot();
        ArrayNode out = JSON.createArrayNode();
        ObjectNode usdt = out.addObject();
        usdt.put("accountAlias", "SgsR");
        usdt.put("asset", "USDT");
        usdt.put("balance", money(s.wallet()));
        usdt.put("crossWalletBalance", money(s.wallet()));
        usdt.put("crossUnPnl", money(BigDecimal.ZERO));
        usdt.put("availableBalance", money(s.available()));
        usdt.put("maxWithdrawAmount", money(s.available()));
        usdt.put("marginAvailable", true);
        usdt.put("updateTime", now - 60_000);
        return write(out);
    }

    /** With a symbol one object, without it an array of every known mark. */
    static String premiumIndex(FakeBinanceBook book, String symbol, long now) {
        FakeBinanceBook.Snapshot s = book.snapshot();
        if (symbol != null) {
            return write(premium(symbol, s.marks().get(symbol), now));
        }
        ArrayNode out = JSON.createArrayNode();
        s.marks().forEach((sym, mark) -> out.add(premium(sym, mark, now)));
        return write(out);
    }

    private static ObjectNode premium(String symbol, BigDecimal mark, long now) {
        ObjectNode p = JSON.createObjectNode();
        p.put("symbol", symbol);
        p.put("markPrice", money(mark));
        p.put("indexPrice", money(mark));
        p.put("estimatedSettlePrice", money(mark));
        p.put("lastFundingRate", "0.00010000");
        p.put("interestRate", "0.00010000");
        p.put("nextFundingTime", (now / 28_800_000 + 1) * 28_800_000);
        p.put("time", now);
        return p;
    }

    private static ObjectNode totals(FakeBinanceBook.Snapshot s) {
        BigDecimal initial = s.positions().values().stream()
                .map(h -> margin(h.notional()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        ObjectNode root = JSON.createObjectNode();
        root.put("totalInitialMargin", money(initial));
        root.put("totalMaintMargin", money(s.totalNotional().multiply(new BigDecimal("0.004"))));
        root.put("totalWalletBalance", money(s.wallet()));
        root.put("totalUnrealizedProfit", money(BigDecimal.ZERO));
        root.put("totalMarginBalance", money(s.wallet()));
        root.put("totalPositionInitialMargin", money(initial));
        root.put("totalOpenOrderInitialMargin", money(BigDecimal.ZERO));
        root.put("totalCrossWalletBalance", money(s.wallet()));
        root.put("totalCrossUnPnl", money(BigDecimal.ZERO));
        root.put("availableBalance", money(s.available()));
        root.put("maxWithdrawAmount", money(s.available()));
        return root;
    }

    private static ArrayNode assets(FakeBinanceBook.Snapshot s, long now) {
        ArrayNode assets = JSON.createArrayNode();
        ObjectNode a = assets.addObject();
        a.put("asset", "USDT");
        a.put("walletBalance", money(s.wallet()));
        a.put("unrealizedProfit", money(BigDecimal.ZERO));
        a.put("marginBalance", money(s.wallet()));
        a.put("maintMargin", money(s.totalNotional().multiply(new BigDecimal("0.004"))));
        a.put("initialMargin", money(s.totalNotional().divide(LEVERAGE_DECIMAL)));
        a.put("positionInitialMargin", money(s.totalNotional().divide(LEVERAGE_DECIMAL)));
        a.put("openOrderInitialMargin", money(BigDecimal.ZERO));
        a.put("crossWalletBalance", money(s.wallet()));
        a.put("crossUnPnl", money(BigDecimal.ZERO));
        a.put("availableBalance", money(s.available()));
        a.put("maxWithdrawAmount", money(s.available()));
        a.put("updateTime", now - 60_000);
        return assets;
    }

    private static BigDecimal margin(BigDecimal notional) {
        return notional.abs().divide(LEVERAGE_DECIMAL);
    }

    /** Binance prints money with 8 decimals; we keep more when the value has more, so nothing is rounded. */
    static String money(BigDecimal v) {
        return (v.scale() <= 8 ? v.setScale(8, RoundingMode.UNNECESSARY) : v).toPlainString();
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
