package com.example.migrations.mariadb;

import dev.retort.migration.*;
import dev.retort.schema.*;

/**
 * normalize emails: a hand-written data migration. MariaDB commits each DDL statement by itself, so the data step
 * and the constraint do not share a transaction as on PostgreSQL: if the constraint fails, the emails stay lower
 * case (harmless), and the runner's record of the revision's progress says so ('retort repair' after a fix).
 */
@Revision(id = "5d1e8b0c6a93", parent = "3f2a9c1b7d4e", message = "normalize emails", created = "2026-11-24T11:30:00Z")
public final class V5d1e8b0c6a93_normalize_emails implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("UPDATE users SET email = lower(email) WHERE email <> lower(email)");
        op.createCheckConstraint("users", "ck_users_email_lower", "email = lower(email)");
    }

    @Override
    public void downgrade(Operations op) {
        // Lower-casing cannot be undone; dropping the constraint is enough to allow mixed case again.
        op.dropConstraint("users", "ck_users_email_lower");
    }
}
