$global:x = 1; $script:x; $local:x; $HOME; $PID
