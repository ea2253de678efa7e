pub mod backup_reminder;
pub mod map_titles_notice;
pub mod reload_button;
pub mod storage_notices;
pub mod storage_usage;
pub mod technical_details;
pub mod undo_notice;
pub mod update_notice;
