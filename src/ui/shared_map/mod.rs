pub mod read_only_map;
pub mod read_only_phase;
pub mod read_only_phases;
pub mod shared_map_page;
pub mod slices;
