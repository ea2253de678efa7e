pub mod download;
pub mod drag;
pub mod focus;
pub mod keys;
pub mod on_screen;
pub mod resize;
pub mod route;
pub mod timing;
