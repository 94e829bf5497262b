from nuit_tui.cli import main

raise SystemExit(main())
