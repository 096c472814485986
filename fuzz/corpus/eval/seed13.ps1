$a = 1,2,3 -gt 1; $a -contains 2; "A" -ceq "a"; "x" -match "(" 
