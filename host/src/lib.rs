//! funcbox
