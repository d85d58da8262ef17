package main

import "database/sql"

func open() (*sql.DB, error) {
	return sql.Open("mysql", "orders:Go-Demo-Pw-88@tcp(orders-db.internal:3306)/orders")
}
