package dev.retort.bench;

import dev.retort.bench.EntityModel.Field;
import dev.retort.bench.EntityModel.IdKind;
import dev.retort.bench.EntityModel.Kind;
import dev.retort.bench.EntityModel.Relation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Builds a deterministic synthetic model of N entities (the same N always gives the same model): 5 to 12 columns
 * of varied types each, nullable and not, server defaults, 0 to 2 many-to-one relations to earlier entities (some
 * {@code ON DELETE}), indexes (some multi-column, some unique), unique and check constraints, sequence, identity
 * and UUID keys, enums stored as strings or ordinals with their checks, JSON maps, comments.
 */
final class ModelGenerator {

    static final String PACKAGE = "bench.model";

    private static final String[] NOUNS = {
        "account", "invoice", "order", "product", "shipment", "customer", "supplier", "payment", "refund",
        "warehouse", "stock", "category", "review", "coupon", "campaign", "ticket", "agent", "contract",
        "subscription", "plan", "device", "sensor", "reading", "alert", "project", "task", "milestone",
        "document", "folder", "comment", "message", "thread", "member", "team", "role", "permission",
        "session", "token", "webhook", "event", "report", "dashboard", "metric", "budget", "expense",
        "vehicle", "route", "booking", "room", "guest"};

    private static final String[][] NAMES = {
        /* VARCHAR */ {"name", "title", "code", "email", "phone", "label", "slug", "reference", "city", "country_code",
                       "currency", "locale", "external_ref", "display_name", "sku"},
        /* TEXT */ {"description", "notes", "body", "summary", "instructions", "address"},
        /* INTEGER */ {"quantity", "position", "rank_order", "retry_count", "score", "capacity", "duration_minutes"},
        /* BIGINT */ {"size_bytes", "external_id", "view_count", "total_cents", "sequence_no"},
        /* BOOLEAN */ {"active", "archived", "verified", "is_public", "enabled", "deleted", "paid"},
        /* TIMESTAMPTZ */ {"created_at", "updated_at", "published_at", "expires_at", "starts_at", "ends_at",
                           "last_seen_at"},
        /* NUMERIC */ {"amount", "price", "balance", "tax_rate", "discount", "weight_kg"},
        /* UUID */ {"public_id", "correlation_id", "owner_ref", "tenant_id"},
        /* JSON */ {"attributes", "settings", "payload", "extra", "labels"},
        /* DATE */ {"due_on", "birth_date", "valid_from", "valid_until", "billed_on"},
        /* ENUM_STRING */ {"status", "priority", "channel"},
        /* ENUM_ORDINAL */ {"level", "tier"},
        /* NAMED_ENUM */ {"severity"}};

    /** Shared enum classes: simple name and constants. {@code Severity} is stored as a PostgreSQL enum type. */
    static final String[][] ENUMS = {
        {"Status", "DRAFT", "ACTIVE", "SUSPENDED", "ARCHIVED"},
        {"Priority", "LOW", "NORMAL", "HIGH", "URGENT"},
        {"Channel", "EMAIL", "SMS", "PUSH", "WEBHOOK"},
        {"Level", "BRONZE", "SILVER", "GOLD"},
        {"Severity", "INFO", "WARNING", "CRITICAL"}};

    private ModelGenerator() {
    }

    /** The model for {@code n} entities, seeded by {@code n}. */
    static List<EntityModel> generate(int n) {
        Random random = new Random(0x5EED_0000_0000L + n);
        List<EntityModel> entities = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entities.add(entity(random, i, entities));
        }
        return entities;
    }

    private static EntityModel entity(Random random, int index, List<EntityModel> earlier) {
        String noun = NOUNS[random.nextInt(NOUNS.length)];
        String suffix = String.format("%05d", index);
        String table = noun + "_" + suffix;
        String className = Character.toUpperCase(noun.charAt(0)) + noun.substring(1) + suffix;

        int roll = random.nextInt(100);
        IdKind idKind = roll < 50 ? IdKind.SEQUENCE : roll < 75 ? IdKind.IDENTITY : IdKind.UUID;
        boolean sharedSequence = idKind == IdKind.SEQUENCE && random.nextInt(10) == 0;
        String sequence = idKind != IdKind.SEQUENCE ? null : sharedSequence ? "shared_id_seq" : table + "_seq";
        int allocation = sharedSequence ? 50 : new int[] {1, 20, 50, 50}[random.nextInt(4)];
        int initialValue = sharedSequence || random.nextInt(5) != 0 ? 1 : 1000;

        Set<String> used = new HashSet<>(List.of("id", "version"));
        List<Relation> relations = new ArrayList<>();
        int relationCount = earlier.isEmpty() ? 0 : random.nextInt(3);
        for (int r = 0; r < relationCount; r++) {
            EntityModel target = earlier.get(random.nextInt(earlier.size()));
            String column = unique(used, target.noun() + "_id");
            boolean nullable = random.nextBoolean();
            String onDelete = switch (random.nextInt(6)) {
                case 0 -> "CASCADE";
                case 1 -> nullable ? "SET_NULL" : "CASCADE";
                default -> null;
            };
            String fkName = random.nextBoolean() ? "fk_" + table + "_" + column : null;
            relations.add(new Relation("ref" + r, column, target, nullable, onDelete, fkName));
        }

        boolean versioned = random.nextInt(5) == 0;
        int total = 5 + random.nextInt(8); // 5..12 columns, id, version and foreign keys included
        int fieldCount = Math.max(1, total - 1 - relations.size() - (versioned ? 1 : 0));
        List<Field> fields = new ArrayList<>();
        for (int f = 0; f < fieldCount; f++) {
            fields.add(field(random, used, table));
        }

        List<EntityModel.Index> indexes = new ArrayList<>();
        List<EntityModel.Unique> uniques = new ArrayList<>();
        List<EntityModel.Check> checks = new ArrayList<>();
        constraints(random, table, fields, relations, indexes, uniques, checks);

        String comment = random.nextInt(8) == 0 ? "Synthetic " + noun + " number " + index : null;
        return new EntityModel(index, noun, className, table, idKind, sequence, allocation, initialValue, fields,
                relations, indexes, uniques, checks, comment, versioned);
    }

    private static Field field(Random random, Set<String> used, String table) {
        Kind kind = kind(random);
        String[] names = NAMES[kind.ordinal()];
        String column = unique(used, names[random.nextInt(names.length)]);
        boolean nullable = random.nextInt(10) < 6;
        boolean primitive = !nullable && random.nextBoolean()
                && (kind == Kind.INTEGER || kind == Kind.BIGINT || kind == Kind.BOOLEAN);
        int length = kind == Kind.VARCHAR ? new int[] {32, 64, 100, 255, 255}[random.nextInt(5)] : 0;
        int[] numeric = {10, 2, 12, 2, 19, 4, 5, 3};
        int pick = random.nextInt(4) * 2;
        int precision = kind == Kind.NUMERIC ? numeric[pick] : 0;
        int scale = kind == Kind.NUMERIC ? numeric[pick + 1] : 0;
        int secondPrecision = kind == Kind.TIMESTAMPTZ && random.nextInt(6) == 0 ? 3 : -1;
        String defaultValue = random.nextInt(10) < 3 ? defaultFor(random, kind, column) : null;
        boolean unique = kind == Kind.VARCHAR && random.nextInt(8) == 0;
        String comment = random.nextInt(12) == 0 ? "The " + column.replace('_', ' ') + " of this row" : null;
        String check = null;
        String checkName = null;
        if ((kind == Kind.INTEGER || kind == Kind.NUMERIC) && random.nextInt(5) == 0) {
            check = column + " >= 0";
            checkName = random.nextBoolean() ? "ck_" + table + "_" + column : null;
        }
        String javaEnum = switch (kind) {
            case ENUM_STRING -> column.equals("status") ? "Status" : column.equals("priority") ? "Priority" : "Channel";
            case ENUM_ORDINAL -> "Level";
            case NAMED_ENUM -> "Severity";
            default -> null;
        };
        return new Field(column, kind, nullable, primitive, length, precision, scale, secondPrecision, defaultValue,
                unique, comment, check, checkName, javaEnum);
    }

    private static Kind kind(Random random) {
        int roll = random.nextInt(100);
        if (roll < 22) {
            return Kind.VARCHAR;
        } else if (roll < 30) {
            return Kind.TEXT;
        } else if (roll < 40) {
            return Kind.INTEGER;
        } else if (roll < 46) {
            return Kind.BIGINT;
        } else if (roll < 55) {
            return Kind.BOOLEAN;
        } else if (roll < 67) {
            return Kind.TIMESTAMPTZ;
        } else if (roll < 74) {
            return Kind.NUMERIC;
        } else if (roll < 79) {
            return Kind.UUID;
        } else if (roll < 84) {
            return Kind.JSON;
        } else if (roll < 90) {
            return Kind.DATE;
        } else if (roll < 96) {
            return Kind.ENUM_STRING;
        } else if (roll < 99) {
            return Kind.ENUM_ORDINAL;
        }
        return Kind.NAMED_ENUM;
    }

    private static String defaultFor(Random random, Kind kind, String column) {
        return switch (kind) {
            case VARCHAR -> random.nextBoolean() ? "''" : "'n/a'";
            case TEXT -> "''";
            case INTEGER, BIGINT -> random.nextBoolean() ? "0" : "1";
            case BOOLEAN -> random.nextBoolean() ? "false" : "true";
            case TIMESTAMPTZ -> random.nextBoolean() ? "now()" : "CURRENT_TIMESTAMP";
            case NUMERIC -> random.nextBoolean() ? "0" : "0.00";
            case UUID -> "gen_random_uuid()";
            case JSON -> random.nextBoolean() ? "'{}'::jsonb" : "'{}'";
            case DATE -> "CURRENT_DATE";
            case ENUM_STRING -> column.equals("status") ? "'DRAFT'" : column.equals("priority") ? "'NORMAL'" : "'EMAIL'";
            case ENUM_ORDINAL -> "0";
            case NAMED_ENUM -> "'INFO'";
        };
    }

    private static void constraints(Random random, String table, List<Field> fields, List<Relation> relations,
                                    List<EntityModel.Index> indexes, List<EntityModel.Unique> uniques,
                                    List<EntityModel.Check> checks) {
        List<String> indexable = new ArrayList<>();
        for (Field f : fields) {
            if (f.kind() != Kind.JSON && f.kind() != Kind.TEXT && !f.unique()) {
                indexable.add(f.column());
            }
        }
        Set<List<String>> taken = new HashSet<>();
        for (Relation r : relations) {
            if (random.nextBoolean()) {
                indexes.add(new EntityModel.Index("ix_" + table + "_" + r.column(), List.of(r.column()), false));
                taken.add(List.of(r.column()));
            }
        }
        int count = indexable.isEmpty() ? 0 : random.nextInt(3);
        for (int k = 0; k < count; k++) {
            int width = indexable.size() >= 2 && random.nextInt(3) == 0 ? 2 + random.nextInt(Math.min(2, indexable.size() - 1)) : 1;
            List<String> columns = pick(random, indexable, width);
            if (!taken.add(columns)) {
                continue;
            }
            boolean unique = random.nextInt(6) == 0;
            String name = (unique ? "ux_" : "ix_") + table + "_" + String.join("_", columns);
            indexes.add(new EntityModel.Index(name, columns, unique));
        }
        if (indexable.size() >= 2 && random.nextInt(5) == 0) {
            List<String> columns = pick(random, indexable, 2);
            if (taken.add(columns)) {
                uniques.add(new EntityModel.Unique("uk_" + table + "_" + String.join("_", columns), columns));
            }
        }
        List<String> nonNegative = fields.stream()
                .filter(f -> (f.kind() == Kind.NUMERIC || f.kind() == Kind.BIGINT) && f.check() == null)
                .map(Field::column).toList();
        if (!nonNegative.isEmpty() && random.nextInt(3) == 0) {
            String column = nonNegative.get(random.nextInt(nonNegative.size()));
            checks.add(new EntityModel.Check("ck_" + table + "_" + column + "_nonneg", column + " >= 0"));
        }
        List<String> texts = fields.stream().filter(f -> f.kind() == Kind.VARCHAR).map(Field::column).toList();
        if (!texts.isEmpty() && random.nextInt(6) == 0) {
            String column = texts.get(random.nextInt(texts.size()));
            checks.add(new EntityModel.Check("ck_" + table + "_" + column + "_len", "char_length(" + column + ") > 0"));
        }
    }

    private static List<String> pick(Random random, List<String> from, int width) {
        List<String> pool = new ArrayList<>(from);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < width && !pool.isEmpty(); i++) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return List.copyOf(picked);
    }

    private static String unique(Set<String> used, String name) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }
}
