// `sqlx::migrate!` embeds the migration folders when this crate compiles:
// without this line a new migration file would not rebuild it, and a
// binary built incrementally would lack the migration.
fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
