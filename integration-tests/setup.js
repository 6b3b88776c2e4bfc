// Each test file boots its own MikroORM; clear the entity metadata a previous
// file registered so entities are not discovered twice.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
