#pragma once
// The store a parameterised test runs against. Each such test file is compiled twice
// (tests/server/CMakeLists.txt): once for SQLite, once with COLLECTOR_TEST_POSTGRES for
// PostgreSQL (label pg), so the same assertions hold for both back ends.

#include "server/store/open_store.h"
#include "tests/support/temp_dir.h"  // tests/support

#include <memory>
#include <string>

#ifdef COLLECTOR_TEST_POSTGRES
#include "tests/server/postgres_cluster.h"
#endif

// A fresh, empty database: a file in a temp dir, or a new database in the shared test cluster.
class TestDatabase {
public:
    TestDatabase()
#ifdef COLLECTOR_TEST_POSTGRES
        : db_(selfcheck::testing::PostgresCluster::shared().create_database())
#else
        : db_((dir_.path() / "records.db").string())
#endif
    {
    }

    // What `--db` would be given.
    const std::string& db() const { return db_; }

    std::unique_ptr<selfcheck::collector::RecordStore> open() const {
        return selfcheck::collector::open_store(db_, selfcheck::collector::StoreOpenMode::CreateIfMissing);
    }

    static const char* backend_name() {
#ifdef COLLECTOR_TEST_POSTGRES
        return "postgresql";
#else
        return "sqlite";
#endif
    }

private:
    selfcheck::testing::TempDir dir_;
    std::string db_;
};
