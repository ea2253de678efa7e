fn main() {
    journey_mapper::ui::start();
}
