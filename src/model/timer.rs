//! The workshop timer's countdown, as plain values: the interface passes in the clock, so the
//! rules (pause keeps what is left, reset forgets, zero is reached once) are tested natively.

/// Milliseconds on a clock that only moves forward (the interface uses the browser's).
pub type Millis = f64;

pub const MAX_MINUTES: u32 = 180;

#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Countdown {
    /// Not started, or reset: the full length is left.
    Ready {
        length: Millis,
    },
    Running {
        length: Millis,
        ends_at: Millis,
    },
    Paused {
        length: Millis,
        left: Millis,
    },
    /// Reached zero; stays there until reset.
    Done {
        length: Millis,
    },
}

impl Countdown {
    /// A countdown of `minutes`, kept within 1 to [`MAX_MINUTES`].
    pub fn minutes(minutes: u32) -> Countdown {
        let minutes = minutes.clamp(1, MAX_MINUTES);
        Countdown::Ready {
            length: f64::from(minutes) * 60_000.0,
        }
    }

    pub fn length(self) -> Millis {
        match self {
            Countdown::Ready { length }
            | Countdown::Running { length, .. }
            | Countdown::Paused { length, .. }
            | Countdown::Done { length } => length,
        }
    }

    /// Starts, or resumes after a pause; a finished countdown starts over.
    pub fn start(self, now: Millis) -> Countdown {
        let length = self.length();
        match self {
            Countdown::Ready { .. } | Countdown::Done { .. } => Countdown::Running {
                length,
                ends_at: now + length,
            },
            Countdown::Paused { left, .. } => Countdown::Running {
                length,
                ends_at: now + left,
            },
            running @ Countdown::Running { .. } => running,
        }
    }

    pub fn pause(self, now: Millis) -> Countdown {
        match self {
            Countdown::Running { .. } => Countdown::Paused {
                length: self.length(),
                left: self.left(now),
            },
            other => other,
        }
    }

    pub fn reset(self) -> Countdown {
        Countdown::Ready {
            length: self.length(),
        }
    }

    /// What is left at `now`, never below zero.
    pub fn left(self, now: Millis) -> Millis {
        match self {
            Countdown::Ready { length } => length,
            Countdown::Running { ends_at, .. } => (ends_at - now).max(0.0),
            Countdown::Paused { left, .. } => left,
            Countdown::Done { .. } => 0.0,
        }
    }

    /// The countdown as it stands at `now`: a running one that reached zero is done. The caller
    /// signals the end when this turns a running countdown into a finished one, so only once.
    pub fn at(self, now: Millis) -> Countdown {
        match self {
            Countdown::Running { length, .. } if self.left(now) <= 0.0 => {
                Countdown::Done { length }
            }
            other => other,
        }
    }

    pub fn is_running(self) -> bool {
        matches!(self, Countdown::Running { .. })
    }
}

/// "4:05": minutes and seconds left, rounded up so the display reads 0:00 only at the end.
pub fn clock(left: Millis) -> String {
    let seconds = (left / 1000.0).ceil().max(0.0) as u64;
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
